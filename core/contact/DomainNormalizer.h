#pragma once

#include "Error.h"

#include <optional>

namespace roster {

class DomainNormalizer final
{
public:
    // "https://www.Acme.com/about" or "acme.com" -> "acme.com"; InvalidDomain when there is no host name.
    static Result<QString> fromWebsite(const QString& input);
    // The company domain of an email address, or nothing for free-mail providers (gmail.com, ...).
    static std::optional<QString> fromEmail(const QString& email);
    static bool isFreeMail(const QString& domain);
};

} // namespace roster

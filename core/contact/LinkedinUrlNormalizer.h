#pragma once

#include "Error.h"

namespace roster {

// Canonical LinkedIn URLs, so that every spelling of one profile is one match key.
class LinkedinUrlNormalizer final
{
public:
    // Any http(s) spelling of a profile URL (www., country or mobile subdomain, trailing slash, query,
    // fragment, mixed-case or percent-encoded slug) -> https://www.linkedin.com/in/<slug>, slug lower-cased
    // and decoded. Anything else: InvalidLinkedinUrl.
    static Result<QString> profile(const QString& input);
    // Sales Navigator lead or people URL -> https://www.linkedin.com/sales/lead/<id>. The id is kept as
    // LinkedIn wrote it: unlike a profile slug it is case-sensitive.
    static Result<QString> salesNav(const QString& input);
    // Company page -> https://www.linkedin.com/company/<slug>.
    static Result<QString> company(const QString& input);
};

} // namespace roster

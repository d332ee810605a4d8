#pragma once

#include "Contact.h"

#include <QJsonObject>

namespace roster {

// A contact as `roster export --format json` writes it: design.md's field names, absent fields omitted,
// lists for extra_emails and tags, an object `custom`, and do_not_contact as a boolean.
class ContactJson final
{
public:
    static QJsonObject toJson(const Contact& contact);
};

} // namespace roster

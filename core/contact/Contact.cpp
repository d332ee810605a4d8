#include "Contact.h"

namespace roster {

QString Contact::displayName() const
{
    const QString name = QString(value(Field::FirstName) + QLatin1Char(' ') + value(Field::LastName)).trimmed();
    if (!name.isEmpty())
        return name;
    if (!value(Field::Email).isEmpty())
        return value(Field::Email);
    return value(Field::LinkedinUrl);
}

} // namespace roster

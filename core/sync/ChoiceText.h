#pragma once

#include "RemoteFieldDefinition.h"

#include <QStringList>

namespace roster {

// A multi-choice custom value (HighLevel checkbox or multi-select) kept locally as one text, "Red, Blue",
// as reads join it, and sent as the list the CRM takes. An option whose label holds a comma ("Yes, call
// me") stays whole when the field's options name it.
class ChoiceText final
{
public:
    // The choices in `text`: a JSON array of strings as written, else the parts between ',' or ';', parts
    // that together spell an option joined back into it. Options are given in their own spelling.
    static QStringList split(const QString& text, const QList<RemoteFieldDefinition::Option>& options);
};

} // namespace roster

#include "ChoiceText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace roster {

QStringList ChoiceText::split(const QString& text, const QList<RemoteFieldDefinition::Option>& options)
{
    const QString trimmed = text.trimmed();
    if (trimmed.startsWith(QLatin1Char('['))) {
        const QJsonDocument doc = QJsonDocument::fromJson(trimmed.toUtf8());
        if (doc.isArray()) {
            QStringList out;
            for (const QJsonValue& v : doc.array()) {
                if (v.isString() && !v.toString().trimmed().isEmpty())
                    out << v.toString().trimmed();
            }
            return out;
        }
    }
    static const QRegularExpression separator(QStringLiteral("[,;]"));
    QStringList parts = trimmed.split(separator);
    for (QString& part : parts)
        part = part.trimmed();
    QStringList out;
    for (qsizetype i = 0; i < parts.size();) {
        // The longest run of parts from here that spells an option.
        qsizetype taken = 0;
        QString choice;
        QString run;
        for (qsizetype j = i; j < parts.size(); ++j) {
            run = j == i ? parts.at(j) : run + QStringLiteral(", ") + parts.at(j);
            if (const auto* o = RemoteFieldDefinition::findOption(options, run)) {
                taken = j - i + 1;
                choice = o->key;
            }
        }
        if (taken == 0) {
            choice = parts.at(i);
            taken = 1;
        }
        if (!choice.isEmpty() && !out.contains(choice))
            out << choice;
        i += taken;
    }
    return out;
}

} // namespace roster

#pragma once

#include "Field.h"
#include "PhoneEntry.h"

#include <QDateTime>
#include <QMap>
#include <QString>
#include <QStringList>

#include <array>

namespace roster {

// A stored contact as the store reads it back: every fixed field (empty when unset), the lists, the
// custom values and the company link.
struct Contact
{
    qint64 id = 0;
    QString uid;
    std::array<QString, kFieldCount> values;
    QStringList extraEmails;
    PhoneList extraPhones;
    QStringList extraWebsites;
    QStringList tags;
    QMap<QString, QString> custom;
    qint64 companyId = 0; // 0 when not linked
    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime deletedAt;

    const QString& value(Field field) const { return values[static_cast<std::size_t>(field)]; }
    void setValue(Field field, QString text) { values[static_cast<std::size_t>(field)] = std::move(text); }
    QString displayName() const;
};

} // namespace roster

#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <map>
#include <optional>

namespace roster::emulator {

// The records of one emulator, in insertion order, with unique secondary indexes (email,
// LinkedIn URL, ...) kept up to date on every write. Each index maps a normalised key to
// one record id; the extractor says which keys a record has for that index.
class RecordStore final
{
public:
    using KeyExtractor = std::function<QStringList(const QJsonObject&)>;

    explicit RecordStore(QString idKey);

    void addIndex(const QString& name, KeyExtractor extractor);

    // Inserts or replaces the record whose id is record[idKey].
    void put(const QJsonObject& record);
    bool remove(const QString& id);
    // Applies `edit` to the record `id` and stores it again (indexes follow). False when unknown.
    bool edit(const QString& id, const std::function<void(QJsonObject&)>& edit);
    void clear();

    std::optional<QJsonObject> find(const QString& id) const;
    // The id of the record holding `key` in index `name`, empty when none.
    QString lookup(const QString& name, const QString& key) const;

    qsizetype size() const { return qsizetype(m_records.size()); }
    QList<QJsonObject> all() const;
    QJsonArray toJsonArray() const;

private:
    void unindex(const QJsonObject& record);
    void index(const QJsonObject& record);

    QString m_idKey;
    qint64 m_nextSequence = 0;
    std::map<qint64, QJsonObject> m_records;
    QHash<QString, qint64> m_sequenceById;
    QHash<QString, KeyExtractor> m_extractors;
    QHash<QString, QHash<QString, QString>> m_indexes;
};

} // namespace roster::emulator

#include "RecordStore.h"

namespace roster::emulator {

RecordStore::RecordStore(QString idKey)
    : m_idKey(std::move(idKey))
{
}

void RecordStore::addIndex(const QString& name, KeyExtractor extractor)
{
    m_extractors.insert(name, std::move(extractor));
    m_indexes.insert(name, {});
}

void RecordStore::put(const QJsonObject& record)
{
    const QString id = record.value(m_idKey).toString();
    auto it = m_sequenceById.find(id);
    if (it != m_sequenceById.end()) {
        unindex(m_records.at(it.value()));
        m_records[it.value()] = record;
    } else {
        const qint64 sequence = m_nextSequence++;
        m_sequenceById.insert(id, sequence);
        m_records.emplace(sequence, record);
    }
    index(record);
}

bool RecordStore::edit(const QString& id, const std::function<void(QJsonObject&)>& edit)
{
    std::optional<QJsonObject> record = find(id);
    if (!record)
        return false;
    edit(*record);
    record->insert(m_idKey, id);
    put(*record);
    return true;
}

bool RecordStore::remove(const QString& id)
{
    auto it = m_sequenceById.find(id);
    if (it == m_sequenceById.end())
        return false;
    unindex(m_records.at(it.value()));
    m_records.erase(it.value());
    m_sequenceById.erase(it);
    return true;
}

void RecordStore::clear()
{
    m_records.clear();
    m_sequenceById.clear();
    for (auto& index : m_indexes)
        index.clear();
}

std::optional<QJsonObject> RecordStore::find(const QString& id) const
{
    auto it = m_sequenceById.find(id);
    if (it == m_sequenceById.end())
        return std::nullopt;
    return m_records.at(it.value());
}

QString RecordStore::lookup(const QString& name, const QString& key) const
{
    if (key.isEmpty())
        return {};
    return m_indexes.value(name).value(key);
}

QList<QJsonObject> RecordStore::all() const
{
    QList<QJsonObject> records;
    records.reserve(qsizetype(m_records.size()));
    for (const auto& [sequence, record] : m_records)
        records.append(record);
    return records;
}

QJsonArray RecordStore::toJsonArray() const
{
    QJsonArray array;
    for (const auto& [sequence, record] : m_records)
        array.append(record);
    return array;
}

void RecordStore::unindex(const QJsonObject& record)
{
    const QString id = record.value(m_idKey).toString();
    for (auto it = m_extractors.cbegin(); it != m_extractors.cend(); ++it) {
        auto& index = m_indexes[it.key()];
        for (const QString& key : it.value()(record)) {
            auto found = index.find(key);
            if (found != index.end() && found.value() == id)
                index.erase(found);
        }
    }
}

void RecordStore::index(const QJsonObject& record)
{
    const QString id = record.value(m_idKey).toString();
    for (auto it = m_extractors.cbegin(); it != m_extractors.cend(); ++it) {
        auto& index = m_indexes[it.key()];
        for (const QString& key : it.value()(record)) {
            if (!key.isEmpty())
                index.insert(key, id);
        }
    }
}

} // namespace roster::emulator

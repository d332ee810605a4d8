#include "SyncOutputWriter.h"

#include "CommandSupport.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace roster::cli {

SyncOutputWriter::SyncOutputWriter(bool json, bool dryRun, PlanLine planLine)
    : m_json(json)
    , m_dryRun(dryRun)
    , m_planLine(std::move(planLine))
{
}

void SyncOutputWriter::write(const QByteArray& bytes)
{
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stdout);
}

void SyncOutputWriter::beginAccount()
{
    m_entries = 0;
    if (!m_json || !m_dryRun)
        return;
    write(m_accounts == 0 ? QByteArray("{\n\"accounts\": [\n{\"plan\": [") : QByteArray(",\n{\"plan\": ["));
}

void SyncOutputWriter::entry(const SyncReport::PlanEntry& entry)
{
    if (!m_json) {
        printLine(m_planLine(entry));
        return;
    }
    write((m_entries == 0 ? QByteArray("\n") : QByteArray(",\n"))
          + QJsonDocument(entry.toJson()).toJson(QJsonDocument::Compact));
    ++m_entries;
}

void SyncOutputWriter::endAccount(const SyncReport& report, const QString& summary)
{
    ++m_accounts;
    if (!m_json) {
        printLine(summary);
        return;
    }
    QJsonObject object = report.toJson();
    if (!m_dryRun) {
        m_reports << object;
        return;
    }
    object.remove(QStringLiteral("plan"));
    QByteArray rest = "\n]";
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        rest += ",\n" + QJsonDocument(QJsonObject {{it.key(), it.value()}}).toJson(QJsonDocument::Compact).mid(1);
        rest.chop(1); // the closing brace of the one-key object
    }
    write(rest + '}');
    std::fflush(stdout);
}

void SyncOutputWriter::finish()
{
    if (!m_json)
        return;
    if (!m_dryRun) {
        printJson(QJsonDocument(QJsonObject {{QStringLiteral("accounts"), m_reports}}));
        return;
    }
    write("\n]\n}\n");
    std::fflush(stdout);
}

} // namespace roster::cli

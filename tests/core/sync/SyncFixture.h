#pragma once

#include "EmulatorFactory.h"
#include "GetSalesEmulator.h"
#include "HighLevelEmulator.h"
#include "store/AccountStore.h"
#include "store/StoreSession.h"
#include "store/UpsertPolicies.h"
#include "sync/HttpClient.h"
#include "sync/SyncJob.h"
#include "sync/SyncSetup.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>
#include <vector>

namespace roster::test {

// One local database, one emulator on loopback and one account pointing at it, with the emulator's rate
// limits and the client's clock scaled together.
class SyncFixture final
{
public:
    SyncFixture(const QString& provider, double scale)
        : m_scale(scale)
    {
        m_session = std::move(*StoreSession::open(m_dir.filePath(QStringLiteral("roster.sqlite"))));
        m_emulator = emulator::EmulatorFactory::create(provider);
        m_emulator->setApiKey("emu-key-0123456789");
        m_emulator->setRateScale(scale);
        m_emulator->start();
        m_account.name = QStringLiteral("acct");
        m_account.provider = provider;
        m_account.baseUrl = m_emulator->baseUrl();
        if (provider == QLatin1String("getsales") || provider == QLatin1String("grinfi"))
            m_account.options.insert(QStringLiteral("list_uuid"), emulator::GetSalesEmulator::defaultListUuid());
        if (provider == QLatin1String("highlevel"))
            m_account.options.insert(QStringLiteral("location_id"), emulator::HighLevelEmulator::defaultLocationId());
        m_account.id = *AccountStore(m_session->database()).add(m_account);
    }

    StoreSession& session() { return *m_session; }
    emulator::EmulatorServer& emulator() { return *m_emulator; }
    HttpClient& client() { return m_client; }
    // A watchdog: runs still going after this long are cancelled (0: none), so a pull that never ends
    // fails its test instead of hanging it.
    void setCancelAfter(int ms) { m_cancelAfterMs = ms; }
    // The client's timeout for upserts (0: the provider's own), scaled down so a slow create outlasts it.
    void setUpsertTimeout(std::chrono::milliseconds timeout) { m_upsertTimeout = timeout; }
    AccountRecord& account() { return m_account; }

    SyncReport sync(bool push, bool pull, const QString& key = QStringLiteral("emu-key-0123456789"))
    {
        SyncJob::Options options;
        options.push = push;
        options.pull = pull;
        return sync(options, key);
    }

    SyncReport sync(const SyncJob::Options& options, const QString& key = QStringLiteral("emu-key-0123456789"))
    {
        auto provider = SyncSetup::provider(m_account);
        HttpAccount http = SyncSetup::httpAccount(m_account, **provider, key, m_scale);
        http.retry.maxAttempts = 6;
        if (m_upsertTimeout.count() > 0)
            http.profile.upsertTimeout = m_upsertTimeout;
        if (auto ok = m_client.addAccount(http); !ok)
            qFatal("addAccount: %s", qPrintable(ok.error().detail));
        SyncJob job(*m_session, m_client, m_account, std::move(*provider), options);
        if (m_cancelAfterMs > 0)
            QTimer::singleShot(m_cancelAfterMs, &job, [&job] { job.cancel(); });
        SyncReport report = job.run();
        m_client.removeAccount(m_account.name);
        return report;
    }

    // Local contacts u<i>@example.com with a LinkedIn profile, so every CRM can take them.
    void addContacts(int from, int count, const QList<std::pair<QString, QString>>& extra = {})
    {
        std::vector<ContactPatch> patches;
        for (int i = from; i < from + count; ++i) {
            ContactPatch p;
            p.set(Field::FirstName, QStringLiteral("First%1").arg(i));
            p.set(Field::LastName, QStringLiteral("Last%1").arg(i));
            p.set(Field::Email, QStringLiteral("u%1@example.com").arg(i));
            p.set(Field::LinkedinUrl, QStringLiteral("https://www.linkedin.com/in/user-%1").arg(i));
            p.set(Field::CompanyDomain, QStringLiteral("example.com"));
            for (const auto& [name, value] : extra)
                p.setByName(name, value);
            patches.push_back(p);
        }
        UpsertPolicy policy = UpsertPolicies::local();
        policy.customFields = CustomFieldRule::RegisterUnknown;
        auto op = m_session->engine().beginOperation({QStringLiteral("manual"), QStringLiteral("test")});
        auto results = m_session->engine().upsertBatch(patches, policy, *op);
        QVERIFY(results);
        for (const UpsertResult& r : *results) {
            if (r.status == UpsertResult::Status::Rejected)
                QFAIL(qPrintable(r.error ? r.error->toString() : QStringLiteral("rejected")));
        }
    }

    // For each u<i>@example.com found on the emulator, how many records carry it.
    QHash<int, int> remoteKeys() const
    {
        static const QRegularExpression re(QStringLiteral("u(\\d+)@example\\.com"));
        QHash<int, int> keys;
        for (const QJsonValue& record : m_emulator->recordsJson()) {
            const QString text = QString::fromUtf8(QJsonDocument(record.toObject()).toJson(QJsonDocument::Compact));
            QSet<int> inRecord;
            auto it = re.globalMatch(text);
            while (it.hasNext())
                inRecord.insert(it.next().captured(1).toInt());
            for (int k : inRecord)
                ++keys[k];
        }
        return keys;
    }

    QString remoteText() const
    {
        return QString::fromUtf8(QJsonDocument(m_emulator->recordsJson()).toJson(QJsonDocument::Compact));
    }

private:
    QTemporaryDir m_dir;
    double m_scale;
    int m_cancelAfterMs = 0;
    std::chrono::milliseconds m_upsertTimeout {0};
    std::unique_ptr<StoreSession> m_session;
    std::unique_ptr<emulator::EmulatorServer> m_emulator;
    HttpClient m_client;
    AccountRecord m_account;
};

} // namespace roster::test

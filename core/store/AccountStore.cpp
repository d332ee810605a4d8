#include "AccountStore.h"

#include "Database.h"
#include "SqlStatement.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace roster {

namespace {

constexpr const char* kColumns
    = "SELECT id, name, provider, base_url, options, conflict_policy, created_at FROM accounts";

QString encodeOptions(const QMap<QString, QString>& options)
{
    QJsonObject object;
    for (auto it = options.cbegin(); it != options.cend(); ++it)
        object.insert(it.key(), it.value());
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QMap<QString, QString> decodeOptions(const QString& text)
{
    QMap<QString, QString> options;
    const QJsonObject object = QJsonDocument::fromJson(text.toUtf8()).object();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it)
        options.insert(it.key(), it.value().toString());
    return options;
}

AccountRecord readRow(const SqlStatement& s)
{
    AccountRecord a;
    a.id = s.columnInt(0);
    a.name = s.columnText(1);
    a.provider = s.columnText(2);
    a.baseUrl = QUrl(s.columnText(3));
    a.options = decodeOptions(s.columnText(4));
    a.conflictPolicy = s.columnText(5);
    a.createdAt = QDateTime::fromString(s.columnText(6), Qt::ISODateWithMs);
    return a;
}

} // namespace

AccountStore::AccountStore(Database& db)
    : m_db(db)
{
}

Result<qint64> AccountStore::add(const AccountRecord& account)
{
    if (account.name.trimmed().isEmpty())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("an account needs a name"));
    if (auto existing = find(account.name); existing)
        return fail(ErrorCode::IdentifierTaken, QStringLiteral("an account named '%1' exists").arg(account.name));
    SqlStatement insert(m_db,
                        "INSERT INTO accounts (name, provider, base_url, options, conflict_policy, created_at) "
                        "VALUES (?, ?, ?, ?, ?, ?)");
    insert.bind(1, account.name);
    insert.bind(2, account.provider);
    insert.bind(3, account.baseUrl.toString());
    insert.bind(4, encodeOptions(account.options));
    insert.bind(5, account.conflictPolicy.isEmpty() ? QStringLiteral("ask") : account.conflictPolicy);
    insert.bind(6, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    if (auto ok = insert.exec(); !ok)
        return std::unexpected(ok.error());
    return m_db.lastInsertId();
}

Result<QList<AccountRecord>> AccountStore::list()
{
    const QByteArray sql = QByteArray(kColumns) + " ORDER BY name";
    SqlStatement select(m_db, sql.constData());
    QList<AccountRecord> accounts;
    while (select.next())
        accounts << readRow(select);
    if (select.hasError())
        return std::unexpected(select.lastError());
    return accounts;
}

Result<AccountRecord> AccountStore::find(const QString& name)
{
    const QByteArray sql = QByteArray(kColumns) + " WHERE name = ?";
    SqlStatement select(m_db, sql.constData());
    select.bind(1, name);
    if (select.next())
        return readRow(select);
    if (select.hasError())
        return std::unexpected(select.lastError());
    return fail(ErrorCode::InvalidArgument, QStringLiteral("no account named '%1'").arg(name));
}

Result<void> AccountStore::remove(const QString& name)
{
    auto account = find(name);
    if (!account)
        return std::unexpected(account.error());
    if (auto ok = m_db.begin(); !ok)
        return ok;
    // Explicit rather than relying on ON DELETE CASCADE, which needs foreign keys switched on.
    for (const char* sql :
         {"DELETE FROM sync_errors WHERE run_id IN (SELECT id FROM sync_runs WHERE account_id = ?)",
          "DELETE FROM sync_runs WHERE account_id = ?", "DELETE FROM remote_links WHERE account_id = ?",
          "DELETE FROM sync_leases WHERE account_id = ?", "DELETE FROM accounts WHERE id = ?"}) {
        SqlStatement statement(m_db, sql);
        statement.bind(1, account->id);
        if (auto ok = statement.exec(); !ok) {
            m_db.rollback();
            return ok;
        }
    }
    return m_db.commit();
}

Result<void> AccountStore::update(const AccountRecord& account)
{
    if (account.name.trimmed().isEmpty())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("an account needs a name"));
    if (auto existing = find(account.name); existing && existing->id != account.id)
        return fail(ErrorCode::IdentifierTaken, QStringLiteral("an account named '%1' exists").arg(account.name));
    SqlStatement update(m_db,
                        "UPDATE accounts SET name = ?, provider = ?, base_url = ?, options = ?, conflict_policy = ? "
                        "WHERE id = ?");
    update.bind(1, account.name);
    update.bind(2, account.provider);
    update.bind(3, account.baseUrl.toString());
    update.bind(4, encodeOptions(account.options));
    update.bind(5, account.conflictPolicy.isEmpty() ? QStringLiteral("ask") : account.conflictPolicy);
    update.bind(6, account.id);
    if (auto ok = update.exec(); !ok)
        return ok;
    if (m_db.changes() == 0)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("no account with id %1").arg(account.id));
    return {};
}

} // namespace roster

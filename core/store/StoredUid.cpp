#include "StoredUid.h"

#include "SqlStatement.h"

namespace roster::StoredUid {

namespace {

constexpr auto kEncoding = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
constexpr qsizetype kBytes = 16;

} // namespace

void bind(SqlStatement& statement, int index, const QString& uid)
{
    // Only a uid that spells its bytes exactly one way is stored as them: reading them back must give the same text.
    if (uid.size() == 22) {
        const auto decoded
            = QByteArray::fromBase64Encoding(uid.toLatin1(), kEncoding | QByteArray::AbortOnBase64DecodingErrors);
        if (decoded && decoded.decoded.size() == kBytes && decoded.decoded.toBase64(kEncoding) == uid.toLatin1()) {
            statement.bindBlob(index, decoded.decoded);
            return;
        }
    }
    statement.bind(index, uid);
}

QString read(const SqlStatement& query, int column)
{
    if (query.columnIsBlob(column))
        return QString::fromLatin1(query.columnBlob(column).toBase64(kEncoding));
    return query.columnText(column);
}

} // namespace roster::StoredUid

#include "CollationKeys.h"

#include <QLocale>

#include <unicode/ucol.h>

namespace roster {

struct CollationKeys::Collator
{
    UCollator* handle = nullptr;
    ~Collator()
    {
        if (handle)
            ucol_close(handle);
    }
};

CollationKeys::CollationKeys(const QString& locale)
    : m_locale(locale)
    , m_collator(std::make_unique<Collator>())
{
    const QByteArray name = locale == QLatin1String("C") ? QByteArray() : locale.toLatin1();
    UErrorCode status = U_ZERO_ERROR;
    m_collator->handle = ucol_open(name.constData(), &status);
    if (U_FAILURE(status)) {
        status = U_ZERO_ERROR;
        m_collator->handle = ucol_open("", &status);
    }
    if (m_collator->handle) {
        status = U_ZERO_ERROR;
        ucol_setStrength(m_collator->handle, UCOL_SECONDARY);
    }
}

CollationKeys::~CollationKeys() = default;

QString CollationKeys::currentLocale()
{
    return QLocale().name();
}

QByteArray CollationKeys::key(const QString& value) const
{
    const QString trimmed = value.trimmed();
    if (trimmed.isEmpty() || !m_collator->handle)
        return {};
    const auto* text = reinterpret_cast<const UChar*>(trimmed.utf16());
    const auto length = static_cast<int32_t>(trimmed.size());
    QByteArray bytes(qMax<qsizetype>(64, trimmed.size() * 4), Qt::Uninitialized);
    int32_t needed = ucol_getSortKey(m_collator->handle, text, length, reinterpret_cast<uint8_t*>(bytes.data()),
                                     static_cast<int32_t>(bytes.size()));
    if (needed > bytes.size()) {
        bytes.resize(needed);
        needed = ucol_getSortKey(m_collator->handle, text, length, reinterpret_cast<uint8_t*>(bytes.data()),
                                 static_cast<int32_t>(bytes.size()));
    }
    // ICU ends the key with a zero byte, which adds nothing to the order.
    bytes.resize(qMax(0, needed - 1));
    if (bytes.isEmpty())
        bytes = QByteArray(1, '\x01'); // only ignorable characters ("-"): still a value, before the empty ones
    return bytes;
}

} // namespace roster

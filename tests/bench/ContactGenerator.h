#pragma once

#include "contact/ContactPatch.h"

namespace roster::bench {

enum class PhoneStyle { E164, National };

// Deterministic, realistic-looking contacts: non-ASCII names, company emails over a few thousand
// companies, half with a LinkedIn URL, French phones.
class ContactGenerator final
{
public:
    static ContactPatch make(qint64 n, PhoneStyle style);
    // The same row as plain column values, for the SQLite baseline.
    static QStringList columns(qint64 n, PhoneStyle style);
};

} // namespace roster::bench

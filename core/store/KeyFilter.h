#pragma once

#include <QStringView>

#include <array>
#include <vector>

namespace roster {

// A Bloom filter of identity keys, for a bulk load's lookups. A row of a first import carries keys no contact
// holds, and asking the identity indexes for each (email, extra emails, LinkedIn, phone in both lists) was about a
// tenth of the writer's time on a million rows. mayHold() false is certain, true only likely (about one key in a
// thousand that is absent says true while the filter is no fuller than it was sized for): the caller then asks the
// index, so an answer never depends on the filter, only its cost does.
class KeyFilter final
{
public:
    // Sized for about `expectedKeys` keys at 16 bits a key (at most 32 MiB); more only raise the false positives.
    explicit KeyFilter(qint64 expectedKeys);

    // `kind` tells keys of different columns apart (an email and a phone never collide by being equal).
    void add(int kind, QStringView key);
    bool mayHold(int kind, QStringView key) const;

private:
    static constexpr int kProbes = 6; // with 16 bits a key, about 0.1% false positives
    std::array<quint64, kProbes> bits(int kind, QStringView key) const;

    std::vector<quint64> m_words;
    quint64 m_bitMask = 0;
};

} // namespace roster

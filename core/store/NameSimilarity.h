#pragma once

#include <QString>

#include <cstdint>

namespace roster {

// How two first names (or two last names) relate, for the duplicate scan: the same once accents and
// German transliterations are folded (Léa = Lea, Müller = Mueller = Muller), a nickname of the same name
// (Bob and Robert), one typo apart, or one only an initial of the other.
enum class NameMatch : std::uint8_t { Different, Same, Spelling, Nickname, Typo, Initial };

class NameSimilarity final
{
public:
    static NameMatch compareFirstNames(const QString& a, const QString& b);
    // The same with both names already folded, for a scan that folds each name once.
    static NameMatch compareFolded(const QString& a, const QString& foldedA, const QString& b, const QString& foldedB);
    // Last names: only the same after folding counts, so Martin and Martins stay apart.
    static bool sameLastName(const QString& a, const QString& b);

    // Lower case, accents and punctuation removed, ß -> ss, Ø -> o, Æ -> ae, Ł -> l, and German ae/oe/ue
    // read as ä/ö/ü so that Mueller and Müller agree.
    static QString fold(const QString& name);
    // Optimal string alignment distance (an adjacent swap counts as one edit), stopped past `limit`.
    static int editDistance(const QString& a, const QString& b, int limit = 2);
    // The nickname group of a folded first name (Bob and Robert share one), or -1.
    static int nicknameGroup(const QString& folded);
};

} // namespace roster

#include "NameSimilarity.h"

#include <QHash>
#include <QStringList>

#include <algorithm>
#include <vector>

namespace roster {

namespace {

// One group a line, folded spellings. Modest on purpose: a wrong group lists strangers as duplicates.
constexpr const char* kNicknames[] = {
    "bob robert rob bobby",
    "bill william will billy",
    "liz elizabeth beth eliza lizzie",
    "jim james jimmy",
    "kate katherine catherine kathy katie",
    "alex alexander alexandre alexandra",
    "dan daniel danny",
    "mike michael mickey",
    "tom thomas tommy",
    "nick nicolas nicholas nico",
    "chris christopher christophe",
    "matt matthew mathieu matthieu",
    "joe joseph joey",
    "steve stephen steven",
    "jo johanna joanna",
    "ben benjamin",
    "sam samuel samantha",
    "tony anthony",
    "andy andrew",
    "dave david",
    "ed edward eddie",
    "rick richard rich",
    "jen jennifer jenny",
    "meg margaret maggie peggy",
    "sue susan suzanne",
};

const QHash<QString, int>& nicknameTable()
{
    static const QHash<QString, int> table = [] {
        QHash<QString, int> groups;
        int group = 0;
        for (const char* line : kNicknames) {
            for (const QString& name : QString::fromLatin1(line).split(QLatin1Char(' '), Qt::SkipEmptyParts))
                groups.insert(NameSimilarity::fold(name), group);
            ++group;
        }
        return groups;
    }();
    return table;
}

bool isInitial(const QString& raw, const QString& folded)
{
    // "J", "J." or "j": one letter typed where the name would be.
    return folded.size() == 1 && raw.trimmed().size() <= 2;
}

} // namespace

QString NameSimilarity::fold(const QString& name)
{
    QString out;
    const QString decomposed = name.normalized(QString::NormalizationForm_KD);
    out.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue;
        switch (c.toLower().unicode()) {
        case 0x00DF: // ß
            out += QLatin1String("ss");
            continue;
        case 0x00F8: // ø
            out += QLatin1Char('o');
            continue;
        case 0x00E6: // æ
            out += QLatin1String("ae");
            continue;
        case 0x0153: // œ
            out += QLatin1String("oe");
            continue;
        case 0x0142: // ł
            out += QLatin1Char('l');
            continue;
        case 0x0111: // đ
            out += QLatin1Char('d');
            continue;
        case 0x00FE: // þ
            out += QLatin1String("th");
            continue;
        default:
            break;
        }
        if (c.isLetter())
            out += c.toLower();
    }
    // Müller folds to "muller"; Mueller must too. Applied to both names alike, so the rare name with a
    // real "ue" (Samuel) still compares equal to itself.
    out.replace(QLatin1String("ae"), QLatin1String("a"));
    out.replace(QLatin1String("oe"), QLatin1String("o"));
    out.replace(QLatin1String("ue"), QLatin1String("u"));
    return out;
}

int NameSimilarity::editDistance(const QString& a, const QString& b, int limit)
{
    const auto n = a.size();
    const auto m = b.size();
    if (std::abs(n - m) > limit)
        return limit + 1;
    std::vector<int> prev2(m + 1), prev(m + 1), row(m + 1);
    for (qsizetype j = 0; j <= m; ++j)
        prev[j] = static_cast<int>(j);
    for (qsizetype i = 1; i <= n; ++i) {
        row[0] = static_cast<int>(i);
        int best = row[0];
        for (qsizetype j = 1; j <= m; ++j) {
            const int cost = a.at(i - 1) == b.at(j - 1) ? 0 : 1;
            row[j] = std::min({prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && a.at(i - 1) == b.at(j - 2) && a.at(i - 2) == b.at(j - 1))
                row[j] = std::min(row[j], prev2[j - 2] + 1);
            best = std::min(best, row[j]);
        }
        if (best > limit)
            return limit + 1;
        std::swap(prev2, prev);
        std::swap(prev, row);
    }
    return std::min(prev[m], limit + 1);
}

int NameSimilarity::nicknameGroup(const QString& folded)
{
    return nicknameTable().value(folded, -1);
}

NameMatch NameSimilarity::compareFirstNames(const QString& a, const QString& b)
{
    return compareFolded(a, fold(a), b, fold(b));
}

NameMatch NameSimilarity::compareFolded(const QString& a, const QString& fa, const QString& b, const QString& fb)
{
    if (fa.isEmpty() || fb.isEmpty())
        return NameMatch::Different;
    if (fa == fb)
        return a.trimmed().compare(b.trimmed(), Qt::CaseInsensitive) == 0 ? NameMatch::Same : NameMatch::Spelling;
    if (isInitial(a, fa) != isInitial(b, fb))
        return (isInitial(a, fa) ? fb : fa).startsWith(isInitial(a, fa) ? fa : fb) ? NameMatch::Initial
                                                                                   : NameMatch::Different;
    const int group = nicknameGroup(fa);
    if (group >= 0 && group == nicknameGroup(fb))
        return NameMatch::Nickname;
    // One typo, in a name long enough that one letter does not make another name (Jon and John, not Léa and
    // Lou).
    if (std::max(fa.size(), fb.size()) >= 4 && editDistance(fa, fb, 1) <= 1)
        return NameMatch::Typo;
    return NameMatch::Different;
}

bool NameSimilarity::sameLastName(const QString& a, const QString& b)
{
    const QString fa = fold(a);
    return !fa.isEmpty() && fa == fold(b);
}

} // namespace roster

#include "SearchMatcher.h"

#include "SearchTokenizer.h"

#include <QRegularExpression>

#include <algorithm>
#include <memory>
#include <optional>
#include <sqlite3.h>

namespace roster {

namespace {

constexpr int kPhones = 5;

QString quoted(QString text)
{
    text.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + text + QLatin1Char('"');
}

} // namespace

SearchMatcher::SearchMatcher(const QString& search, const SearchTokenizer& tokenizer)
    : m_tokenizer(tokenizer)
{
    static const QRegularExpression separators(QStringLiteral("[^\\w@.+-]+"),
                                               QRegularExpression::UseUnicodePropertiesOption);
    static const QRegularExpression phoneLike(QStringLiteral("^[\\d\\s+().\\-/]*\\d[\\d\\s+().\\-/]*$"));
    for (const QString& word : search.split(separators, Qt::SkipEmptyParts))
        m_words.append({word, tokenizer.tokens(word.toUtf8())});
    // "+33 6 12" or "06 12 34" is one number written in groups: its digits together are a prefix of one
    // of the phone terms PhoneNormalizer::searchTerms indexed.
    if (const QString trimmed = search.trimmed(); phoneLike.match(trimmed).hasMatch()) {
        QString digits;
        for (const QChar c : trimmed) {
            if (c.isDigit())
                digits += c;
        }
        if (m_words.size() > 1 || digits != trimmed) {
            m_phoneDigits = digits;
            m_phoneTokens = tokenizer.tokens(digits.toUtf8());
        }
    }
}

QString SearchMatcher::match() const
{
    QStringList terms;
    for (const Word& word : m_words) {
        if (word.tokens.size() < 2) {
            // One term, or none (a word of punctuation, which FTS5 finds nowhere, as before): the tokenizer
            // in FTS5 splits it as it split the word.
            terms << quoted(word.text) + QLatin1Char('*');
            continue;
        }
        QStringList parts = exactTerms(word);
        // A one-letter prefix makes FTS5 merge the lists of every term with that letter (88 ms for "c" on a
        // million contacts); the word's whole terms narrow enough, and matches() checks the letter. A longer
        // one is left to matches() too when leavePrefixesToCheck() found the whole terms few.
        const QString last = QString::fromUtf8(word.tokens.constLast());
        if (!word.prefixChecked && last.toUcs4().size() > 1)
            parts << quoted(last) + QLatin1Char('*');
        terms << QLatin1Char('(') + parts.join(QStringLiteral(" AND ")) + QLatin1Char(')');
    }
    QString query = terms.join(QStringLiteral(" AND "));
    if (!m_phoneDigits.isEmpty())
        query = QStringLiteral("(%1) OR phones : \"%2\"*").arg(query, m_phoneDigits);
    return query;
}

QStringList SearchMatcher::exactTerms(const Word& word)
{
    QStringList terms;
    for (qsizetype i = 0; i + 1 < word.tokens.size(); ++i)
        terms << quoted(QString::fromUtf8(word.tokens.at(i)));
    return terms;
}

void SearchMatcher::leavePrefixesToCheck(const std::function<bool(const QString& match)>& few)
{
    for (Word& word : m_words) {
        if (word.tokens.size() < 2 || QString::fromUtf8(word.tokens.constLast()).toUcs4().size() < 4)
            continue;
        word.prefixChecked = few(QLatin1Char('(') + exactTerms(word).join(QStringLiteral(" AND ")) + QLatin1Char(')'));
    }
}

bool SearchMatcher::needsCheck() const
{
    return std::any_of(m_words.begin(), m_words.end(), [](const Word& word) { return word.tokens.size() > 1; });
}

bool SearchMatcher::asksOneLetterPrefix() const
{
    return std::any_of(m_words.begin(), m_words.end(), [](const Word& word) {
        return word.tokens.size() == 1 && QString::fromUtf8(word.tokens.constFirst()).toUcs4().size() == 1;
    });
}

bool SearchMatcher::readsPhones() const
{
    const auto digits = [](const QList<QByteArray>& tokens) {
        return !tokens.isEmpty() && std::all_of(tokens.begin(), tokens.end(), [](const QByteArray& token) {
            return std::all_of(token.begin(), token.end(), [](char c) { return c >= '0' && c <= '9'; });
        });
    };
    return !m_phoneTokens.isEmpty()
        || std::any_of(m_words.begin(), m_words.end(), [&](const Word& word) { return digits(word.tokens); });
}

bool SearchMatcher::containsPhrase(const QList<QByteArray>& column, const QList<QByteArray>& phrase)
{
    // FTS5's "a b c"*: the terms one after another, the last one as a prefix.
    const qsizetype last = phrase.size() - 1;
    for (qsizetype start = 0; start + phrase.size() <= column.size(); ++start) {
        qsizetype i = 0;
        while (i < last && column.at(start + i) == phrase.at(i))
            ++i;
        if (i == last && column.at(start + last).startsWith(phrase.at(last)))
            return true;
    }
    return false;
}

bool SearchMatcher::matches(const Columns& columns) const
{
    std::array<std::optional<QList<QByteArray>>, kColumns> tokens;
    const auto columnTokens = [&](int column) -> const QList<QByteArray>& {
        auto& cached = tokens.at(static_cast<std::size_t>(column));
        if (!cached)
            cached = m_tokenizer.tokens(columns.at(static_cast<std::size_t>(column)));
        return *cached;
    };
    const auto anywhere = [&](const QList<QByteArray>& phrase) {
        for (int column = 0; column < kColumns; ++column) {
            if (containsPhrase(columnTokens(column), phrase))
                return true;
        }
        return false;
    };
    // A word without a term is an empty phrase, which FTS5 finds in no row.
    const bool allWords = !m_words.isEmpty() && std::all_of(m_words.begin(), m_words.end(), [&](const Word& word) {
        return !word.tokens.isEmpty() && anywhere(word.tokens);
    });
    if (allWords)
        return true;
    return !m_phoneTokens.isEmpty() && containsPhrase(columnTokens(kPhones), m_phoneTokens);
}

namespace {

struct MatchFunction
{
    std::unique_ptr<SearchTokenizer> tokenizer;
    // The window asks the same search of many rows in a row: planned once.
    QString search;
    std::optional<SearchMatcher> matcher;
};

void searchMatch(sqlite3_context* context, int count, sqlite3_value** values)
{
    auto* function = static_cast<MatchFunction*>(sqlite3_user_data(context));
    if (count != 1 + SearchMatcher::kColumns) {
        sqlite3_result_error(context, "roster_search_match takes a search and six columns", -1);
        return;
    }
    const auto text = [&](int i) {
        const auto* data = reinterpret_cast<const char*>(sqlite3_value_text(values[i]));
        return QByteArray(data ? data : "", sqlite3_value_bytes(values[i]));
    };
    const QString search = QString::fromUtf8(text(0));
    if (!function->matcher || function->search != search) {
        function->matcher.reset();
        function->matcher.emplace(search, *function->tokenizer);
        function->search = search;
    }
    SearchMatcher::Columns columns;
    for (int i = 0; i < SearchMatcher::kColumns; ++i)
        columns.at(static_cast<std::size_t>(i)) = text(1 + i);
    sqlite3_result_int(context, function->matcher->matches(columns) ? 1 : 0);
}

} // namespace

void SearchMatcher::registerFunction(sqlite3* handle)
{
    auto tokenizer = SearchTokenizer::create(handle);
    if (!tokenizer)
        return; // no FTS5: no search index either, which ContactQuery reports
    auto* function = new MatchFunction {std::move(tokenizer), {}, std::nullopt};
    sqlite3_create_function_v2(handle, "roster_search_match", 1 + kColumns, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                               function, searchMatch, nullptr, nullptr,
                               [](void* data) { delete static_cast<MatchFunction*>(data); });
}

} // namespace roster

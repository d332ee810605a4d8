#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <array>
#include <functional>

struct sqlite3;

namespace roster {

class SearchTokenizer;

// What the search box asks for: every word a prefix of something in one of a contact's searchable columns
// ("jan smi"), and digits typed in groups ("06 12 34") also as one phone number.
//
// The search index records which columns hold a term, not where in them (detail=column, 014), so it cannot
// match a word that the tokenizer splits ("anna.berg@acme", "jean-luc") as a phrase. match() asks the index
// for each of such a word's terms instead, a superset, and matches() then keeps the contacts in whose own
// columns the terms follow each other, which is what the index answered when it kept positions.
class SearchMatcher final
{
public:
    // The searchable columns in contacts_fts's order: name, emails, company, tags, title, phones.
    static constexpr int kColumns = 6;
    using Columns = std::array<QByteArray, kColumns>;

    SearchMatcher(const QString& search, const SearchTokenizer& tokenizer);

    // No word to search for: every contact.
    bool isEmpty() const { return m_words.isEmpty(); }
    // The FTS5 query, quoted, so FTS5 syntax typed by the user is only text: "jan smi" -> "\"jan\"* AND
    // \"smi\"*", "anna.berg" -> "(\"anna\" AND \"berg\"*)", "anna.b" -> "(\"anna\")".
    QString match() const;
    // A phrase's last term as a prefix of four letters or more (which has no prefix index) makes FTS5 merge the
    // lists of every term it begins: `few` is asked whether the phrase's whole terms alone ("p0" AND "dup")
    // find few enough contacts to check one by one, and then the index is not asked for the prefix.
    void leavePrefixesToCheck(const std::function<bool(const QString& match)>& few);
    // Some word is a phrase: what match() finds must still pass matches().
    bool needsCheck() const;
    // Some word is one letter or digit ("a"): a prefix with no prefix index, for which FTS5 merges the lists of
    // every term it begins (a quarter of a million contacts for "a").
    bool asksOneLetterPrefix() const;
    // Whether a word could be found in the phones column, which holds digit terms only: without one, matches()
    // finds the same with the phones column empty.
    bool readsPhones() const;
    // Whether a contact with these column values (UTF-8, as SearchRows::texts computes them) is found.
    bool matches(const Columns& columns) const;

    // roster_search_match(search, name, emails, company, tags, title, phones) on a connection: matches() for
    // SQL, with the connection's own tokenizer.
    static void registerFunction(sqlite3* handle);

private:
    struct Word
    {
        QString text;
        QList<QByteArray> tokens;
        bool prefixChecked = false; // the last term is left to matches(), not asked of the index
    };
    static QStringList exactTerms(const Word& word);
    static bool containsPhrase(const QList<QByteArray>& column, const QList<QByteArray>& phrase);

    const SearchTokenizer& m_tokenizer;
    QList<Word> m_words;
    // The digits of a search that looks like one phone number written in groups, as a phones prefix.
    QString m_phoneDigits;
    QList<QByteArray> m_phoneTokens;
};

} // namespace roster

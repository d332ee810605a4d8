#pragma once

#include <QByteArray>
#include <QList>

#include <memory>

struct sqlite3;

namespace roster {

// The search index's own tokenizer (FTS5's unicode61 with remove_diacritics 2, as contacts_fts declares it),
// taken from a connection, so a word is split and folded here exactly as the index split and folded it.
class SearchTokenizer final
{
public:
    // nullptr when the connection has no FTS5.
    static std::unique_ptr<SearchTokenizer> create(sqlite3* handle);
    ~SearchTokenizer();
    SearchTokenizer(const SearchTokenizer&) = delete;
    SearchTokenizer& operator=(const SearchTokenizer&) = delete;

    // The folded terms of UTF-8 text, in order.
    QList<QByteArray> tokens(const QByteArray& utf8) const;

private:
    struct Impl;
    explicit SearchTokenizer(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace roster

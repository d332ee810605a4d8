#include "SearchTokenizer.h"

#include <sqlite3.h>

namespace roster {

struct SearchTokenizer::Impl
{
    fts5_tokenizer api {};
    Fts5Tokenizer* instance = nullptr;

    ~Impl()
    {
        if (instance)
            api.xDelete(instance);
    }
};

namespace {

fts5_api* ftsApi(sqlite3* handle)
{
    // FTS5 hands its API out through a pointer bound to "SELECT fts5(?1)" (sqlite.org/fts5.html, 7.1).
    fts5_api* api = nullptr;
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(handle, "SELECT fts5(?1)", -1, &statement, nullptr) != SQLITE_OK)
        return nullptr;
    sqlite3_bind_pointer(statement, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(statement);
    sqlite3_finalize(statement);
    return api;
}

int collect(void* context, int, const char* token, int size, int, int)
{
    static_cast<QList<QByteArray>*>(context)->append(QByteArray(token, size));
    return SQLITE_OK;
}

} // namespace

SearchTokenizer::SearchTokenizer(std::unique_ptr<Impl> impl)
    : m_impl(std::move(impl))
{
}

SearchTokenizer::~SearchTokenizer() = default;

std::unique_ptr<SearchTokenizer> SearchTokenizer::create(sqlite3* handle)
{
    fts5_api* api = ftsApi(handle);
    if (!api)
        return nullptr;
    auto impl = std::make_unique<Impl>();
    void* userData = nullptr;
    if (api->xFindTokenizer(api, "unicode61", &userData, &impl->api) != SQLITE_OK)
        return nullptr;
    // The arguments of contacts_fts's tokenize option (014_search_index_by_column.sql) after the name.
    const char* arguments[] = {"remove_diacritics", "2"};
    if (impl->api.xCreate(userData, arguments, 2, &impl->instance) != SQLITE_OK)
        return nullptr;
    return std::unique_ptr<SearchTokenizer>(new SearchTokenizer(std::move(impl)));
}

QList<QByteArray> SearchTokenizer::tokens(const QByteArray& utf8) const
{
    QList<QByteArray> result;
    m_impl->api.xTokenize(m_impl->instance, &result, FTS5_TOKENIZE_DOCUMENT, utf8.constData(),
                          static_cast<int>(utf8.size()), collect);
    return result;
}

} // namespace roster

#pragma once

#include "contact/Error.h"

namespace roster {

class Database;

// The bulk path's index trick. Some indexes only make reading faster: the window's sort indexes
// (003_sort_indexes.sql), the contacts of a company, the contacts of a tag. Building one in a single pass after a
// large load costs far less than keeping it up to date row by row: for a million contacts, about 5 s of CPU for
// the four sort indexes against 8 s spread over the inserts, and 0.9 s for the tags' index of 1.6 million tag
// links against about 2 s. defer() drops them and notes each one's SQL in `settings` in the same transaction, so a
// load killed half way leaves the note behind; restore() builds what is noted (at the end of a load, and whenever
// an engine is made, which repairs a killed load). While they are away the window still reads, sorts and filters
// correctly, only more slowly.
class DeferredIndexes final
{
public:
    // Reading: the indexes nothing but reading needs (sort, company, tag), which a bulk load may drop while other
    // writers go on: no constraint depends on them.
    // Status: every index of contacts whose entries depend on deleted_at (the sort indexes and the identity
    // indexes, unique ones included). Only inside one transaction that holds the write lock throughout and
    // builds them again before it commits, as a large undo does: building a unique index then refuses
    // exactly what keeping it would have refused row by row, and the whole transaction fails with it.
    enum class Scope { Reading, Status };

    explicit DeferredIndexes(Database& db);

    // Each in its own transaction (a savepoint inside an outer one).
    Result<void> defer(Scope scope = Scope::Reading);
    // With `waitForWriter` false, gives up at once when another connection is writing (a bulk load still
    // running, which builds the indexes itself when it ends) instead of waiting for the busy timeout.
    Result<void> restore(bool waitForWriter = true);
    bool deferred();

private:
    Database& m_db;
};

} // namespace roster

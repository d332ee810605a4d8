#pragma once

#include "contact/Error.h"

#include <QLockFile>
#include <QMutex>
#include <QString>
#include <QVector>
#include <QWaitCondition>

#include <deque>
#include <memory>
#include <thread>

namespace roster {

class Database;

// The search index of a bulk load (a file large next to the database), built on a thread of its own.
//
// SQLite lets one connection at a time write a file, and FTS5 building the search rows of a million contacts is
// about 12 s of the writer's core, while the other core waits for it. So the load's writer only commits contacts:
// after each commit it hands the range it created to this class, whose thread reads those committed rows (the
// same SQL as ContactTable's, from a read-only attachment of the main file) into an FTS5 table of the same
// definition in a side database file next to the main one. At the end, copyInto() replaces the main index's
// shadow tables with the side's (0.9 s for a million contacts): the index format does not depend on where the
// table lives, and `integrity-check` passes on the result. The side table keeps its text (the main one does not),
// so a contact the load changes after its row was added can be indexed again by id.
//
// Into a database that already has contacts, the side index first indexes them too, and the load's changes to
// them go to the side index only (BulkLoad::holds): the copy then replaces a main index nobody else wrote to
// meanwhile (mainIndexState() unchanged), and otherwise the main index is built again from what is stored.
//
// Until the copy the load's contacts are missing from the main index (and, into a database with contacts, the
// ones it changed are indexed there with their old values): a note in `settings` says so before the first batch;
// the copy removes it, or repairMain() when the load was killed (the next open of the file) or could not copy.
class SideSearchIndex final
{
public:
    ~SideSearchIndex();

    // True when the main index holds no contact.
    static bool mainIndexEmpty(Database& db);
    // What changes whenever anyone writes to the main index (FTS5's averages and structure records, whose write
    // counter moves at every commit that touches the index): equal before and after a load, nobody did.
    static QByteArray mainIndexState(Database& db);
    // When a load noted that the main index lacks contacts: adds every live contact missing from it (or, after a
    // load into a database with contacts, builds the whole index again), in its own transaction, and forgets the
    // notes (and removes the side files) of the loads that no longer run; a load still running keeps its note, and
    // its own end adds what it commits later.
    static Result<void> repairMain(Database& db);

    // Creates the side file next to `db`'s, locks it (a lock file: it tells repairMain the load is alive), notes
    // in `db` that the main index lacks the load's contacts (and, with `holdsExisting`, that it holds the changes
    // to contacts already there), and starts the thread.
    static Result<std::unique_ptr<SideSearchIndex>> start(Database& db, bool holdsExisting = false);

    // Contacts [first, last], committed: their search rows (the live ones).
    void add(qint64 first, qint64 last);
    // Contacts added before whose values changed since, committed: their rows again.
    void refresh(QVector<qint64> ids);

    // Nothing more will be handed over: the thread finishes what it holds and merges its index, without waiting
    // for copyInto().
    void close();
    // Waits for everything handed over, then, inside one transaction of `db`: when the main index is as it was at
    // the start (`mainState`), replaces it with the side's; otherwise (another process indexed a contact
    // meanwhile, or the side failed) adds the missing contacts the usual way, or builds the main index again when
    // the side held changes to contacts already there. Forgets the note either way.
    Result<void> copyInto(Database& db, const QByteArray& mainState);

private:
    struct Task
    {
        qint64 first = 0;
        qint64 last = 0;
        QVector<qint64> ids; // a refresh when not empty
    };
    SideSearchIndex() = default;
    void run(QString mainPath, QByteArray definition);
    Result<void> finish();

    QString m_path;
    QString m_noteKey;
    bool m_holdsExisting = false;
    std::unique_ptr<QLockFile> m_lock;
    std::thread m_thread;
    QMutex m_mutex;
    QWaitCondition m_changed;
    std::deque<Task> m_tasks;
    bool m_closed = false;
    std::optional<Error> m_error;
};

} // namespace roster

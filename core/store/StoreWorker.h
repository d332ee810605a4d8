#pragma once

#include "StoreSession.h"

#include <QObject>
#include <QThread>

#include <functional>
#include <memory>
#include <optional>
#include <type_traits>

namespace roster {

namespace detail {

// What a task's work returns, as its answer: a Result, so that a database that could not be opened is
// answered with its error. Work that already returns a Result is not wrapped twice.
template <typename T>
struct StoreAnswer
{
    using type = Result<T>;
};
template <typename T>
struct StoreAnswer<Result<T>>
{
    using type = Result<T>;
};

} // namespace detail

// A thread of its own, with a StoreSession of its own on a database file (a SQLite connection belongs to
// the thread that opened it), that runs posted tasks one after another in the order they were posted, and
// hands each answer back on the thread that owns this object. The thread runs an event loop, so objects
// that wait on the network or on timers (a sync coordinator) can live there: a task makes them, as
// children of home().
//
// An answer is dropped when its context object has gone by the time it arrives, so a window closed while
// its counts run is not called back. The destructor lets the tasks already posted run, deletes home()'s
// children on the worker thread, closes the session there and joins the thread: long work must be
// cancellable from outside (an import job) or short.
class StoreWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StoreWorker)

public:
    explicit StoreWorker(QString databasePath, const QString& name = {},
                         QThread::Priority priority = QThread::InheritPriority, QObject* parent = nullptr);
    ~StoreWorker() override;

    const QString& databasePath() const { return m_path; }
    // The parent for objects that must live on the worker thread. Touch it from tasks only.
    QObject* home() const { return m_home; }
    QThread* workerThread() { return &m_thread; }

    // Runs work(StoreSession&) on the worker thread, then done(answer) on this object's thread if `context`
    // (which must live on this object's thread) still exists. The answer is Result<T> for work returning T
    // (or Result<T>), the session's error when the database could not be opened. Call from this object's
    // thread.
    template <typename Work, typename Done>
    void post(QObject* context, Work work, Done done)
    {
        using Value = std::invoke_result_t<Work&, StoreSession&>;
        using Answer = typename detail::StoreAnswer<Value>::type;
        enqueue(context,
                [work = std::move(work), done = std::move(done)](StoreSession* session,
                                                                 const Error& error) mutable -> Delivery {
                    auto answer = std::make_shared<Answer>(std::unexpected(error));
                    if (session) {
                        if constexpr (std::is_void_v<Value>) {
                            work(*session);
                            *answer = Answer {};
                        } else {
                            *answer = work(*session);
                        }
                    }
                    return [done = std::move(done), answer]() mutable { done(std::move(*answer)); };
                });
    }

    // Runs work on the worker thread, with no answer; skipped when the database could not be opened.
    void post(std::function<void(StoreSession&)> work);

private:
    using Delivery = std::function<void()>;
    using Task = std::function<Delivery(StoreSession* session, const Error& openError)>;

    void enqueue(QObject* context, Task task);

    QString m_path;
    QThread m_thread;
    QObject* m_home; // lives on m_thread; tasks are queued to it
    // Worker thread only.
    std::unique_ptr<StoreSession> m_session;
    Error m_openError;
};

} // namespace roster

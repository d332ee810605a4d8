// The hand-over between an import's three threads: a consumer waiting for a chunk must wake up when the queue is
// abandoned (the writer failed), a producer must stop when the consumer has gone, and chunks given back are freed by
// the producer rather than kept.
#include "store/ImportChunker.h"

#include <QSemaphore>
#include <QTest>
#include <QThread>

using namespace roster;

class TestImportChunkQueue : public QObject
{
    Q_OBJECT

private slots:
    void deliversInOrderThenEnds()
    {
        ImportChunkQueue queue(2);
        std::unique_ptr<QThread> producer(QThread::create([&] {
            for (qint64 n = 1; n <= 10; ++n) {
                ImportChunk chunk;
                chunk.rowsRead = n;
                QVERIFY(queue.push(std::move(chunk)));
            }
            queue.close();
        }));
        producer->start();
        QList<qint64> seen;
        while (std::optional<ImportChunk> chunk = queue.pop())
            seen << chunk->rowsRead;
        producer->wait();
        QCOMPARE(seen, (QList<qint64> {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));
    }

    void abandonWakesAWaitingConsumer()
    {
        ImportChunkQueue queue(2);
        QSemaphore started;
        bool returned = false;
        std::optional<ImportChunk> got;
        std::unique_ptr<QThread> consumer(QThread::create([&] {
            started.release();
            got = queue.pop();
            returned = true;
        }));
        consumer->start();
        started.acquire();
        QThread::msleep(50);
        queue.abandon();
        QVERIFY(consumer->wait(5000));
        QVERIFY(returned);
        QVERIFY(!got);
    }

    void abandonStopsAWaitingProducer()
    {
        ImportChunkQueue queue(1);
        QVERIFY(queue.push(ImportChunk {}));
        QSemaphore started;
        bool pushed = true;
        std::unique_ptr<QThread> producer(QThread::create([&] {
            started.release();
            pushed = queue.push(ImportChunk {}); // the queue is full: waits
        }));
        producer->start();
        started.acquire();
        QThread::msleep(50);
        queue.abandon();
        QVERIFY(producer->wait(5000));
        QVERIFY(!pushed);
    }

    void recycledChunksAreFreedByTheNextPush()
    {
        ImportChunkQueue queue(4);
        ImportChunk chunk;
        chunk.patches.resize(1000);
        const QVector<ContactPatch> watch = chunk.patches; // shares the chunk's rows
        QVERIFY(!watch.isDetached());
        QVERIFY(queue.push(std::move(chunk)));
        std::optional<ImportChunk> popped = queue.pop();
        QVERIFY(popped);
        queue.recycle(std::move(*popped));
        popped.reset();
        QVERIFY(!watch.isDetached()); // still held by the queue
        QVERIFY(queue.push(ImportChunk {}));
        QVERIFY(watch.isDetached()); // freed: the watch is the only owner left
    }
};

QTEST_GUILESS_MAIN(TestImportChunkQueue)
#include "tst_importchunkqueue.moc"

#include "StoreFixture.h"

using namespace roster;
using namespace roster::test;

class TestUndoManager final : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void wholeBatchIsOneStep();
    void createdThenUpdatedInOneBatch_data();
    void createdThenUpdatedInOneBatch();
    void largeImportOverManyPages();
    void interleavedOperationIsLeftAlone();
    void largeUndoThatFailsChangesNothing();
    void contactRemovedBehindRostersBack_data();
    void contactRemovedBehindRostersBack();
    void largeRedoRefusedByATakenIdentifier_data();
    void largeRedoRefusedByATakenIdentifier();
    void newWriteEndsRedo();
    void undoDelete();
    void nothingToUndo();
};

// Each row: a starting state, one more write, then undo must give back the starting state exactly and
// redo the state after the write.
void TestUndoManager::roundTrip_data()
{
    QTest::addColumn<QStringList>("setup");
    QTest::addColumn<QString>("write");
    QTest::newRow("create") << QStringList {} << "email=a@acme.com|first_name=A|tags=x|custom.size=3";
    QTest::newRow("update scalars") << QStringList {"email=a@acme.com|first_name=A|job_title=CTO"}
                                    << "email=a@acme.com|first_name=B|city=Paris|!job_title";
    QTest::newRow("update tags and extras") << QStringList {"email=a@acme.com|tags=x,y|extra_emails=b@acme.com"}
                                            << "email=a@acme.com|tags+=z|extra_emails+=c@acme.com";
    QTest::newRow("replace primary email") << QStringList {"linkedin_url=linkedin.com/in/a|email=a@old.com"}
                                           << "linkedin_url=linkedin.com/in/a|email=a@new.com";
    QTest::newRow("custom value changed and cleared")
        << QStringList {"email=a@acme.com|custom.size=3|custom.colour=red"}
        << "email=a@acme.com|custom.size=4|!custom.colour";
    QTest::newRow("company relinked") << QStringList {"email=a@acme.com", "email=b@initech.com"}
                                      << "email=a@acme.com|company_domain=initech.com";
}

void TestUndoManager::roundTrip()
{
    QFETCH(QStringList, setup);
    QFETCH(QString, write);
    StoreFixture f;
    for (const QString& key : {QStringLiteral("size"), QStringLiteral("colour")})
        QVERIFY(f.engine->customFields().add({key, key, QStringLiteral("text")}));
    for (const QString& spec : setup)
        f.upsert(spec);
    const QString before = f.snapshot();
    const UpsertResult result = f.upsert(write);
    QVERIFY(result.status == UpsertResult::Status::Created || result.status == UpsertResult::Status::Updated);
    const QString after = f.snapshot();
    QVERIFY(before != after);

    const auto step = f.undo->undo();
    QVERIFY2(step, qPrintable(step ? QString() : step.error().toString()));
    QCOMPARE(f.snapshot(), before);
    const auto again = f.undo->redo();
    QVERIFY2(again, qPrintable(again ? QString() : again.error().toString()));
    QCOMPARE(f.snapshot(), after);
    QVERIFY(f.undo->undo());
    QCOMPARE(f.snapshot(), before);
}

void TestUndoManager::wholeBatchIsOneStep()
{
    StoreFixture f;
    f.upsert(QStringLiteral("email=keep@acme.com|first_name=Keep|tags=a"));
    const QString before = f.snapshot();
    auto op = f.engine->beginOperation({QStringLiteral("import:people.csv"), QStringLiteral("Import people.csv")});
    QVector<ContactPatch> patches {patchFrom(QStringLiteral("email=keep@acme.com|first_name=Changed|tags+=b")),
                                   patchFrom(QStringLiteral("email=new1@acme.com")),
                                   patchFrom(QStringLiteral("email=new2@acme.com"))};
    QVERIFY(f.engine->upsertBatch(patches, UpsertPolicies::local(), *op));
    QVERIFY(f.engine->upsertBatch(std::span(patches).subspan(1), UpsertPolicies::local(), *op));
    QCOMPARE(f.store->count(), 3);
    const auto next = f.undo->nextUndo();
    QVERIFY(next);
    QCOMPARE(next->label, QStringLiteral("Import people.csv"));
    QVERIFY(f.undo->undo());
    QCOMPARE(f.snapshot(), before);
}

// Creates are logged a run at a time; a contact changed again in the same batch must still have its create
// logged before its update, or undo would delete it first and then write its old values into a deleted row.
void TestUndoManager::createdThenUpdatedInOneBatch_data()
{
    QTest::addColumn<QStringList>("batch");
    QTest::newRow("updated right after") << QStringList {"email=a@acme.com|first_name=A",
                                                         "email=A@acme.com|first_name=B|tags=x"};
    QTest::newRow("updated after other creates")
        << QStringList {"email=a@acme.com", "email=b@acme.com",        "email=a@acme.com|city=Paris",
                        "email=c@acme.com", "email=b@acme.com|tags=y", "email=d@acme.com"};
    QTest::newRow("existing contact in between")
        << QStringList {"email=new@acme.com", "email=keep@acme.com|city=Lyon", "email=new@acme.com|city=Nice"};
}

void TestUndoManager::createdThenUpdatedInOneBatch()
{
    QFETCH(QStringList, batch);
    StoreFixture f;
    f.upsert(QStringLiteral("email=keep@acme.com|first_name=Keep"));
    const QString before = f.snapshot();
    QVector<ContactPatch> patches;
    for (const QString& spec : batch)
        patches << patchFrom(spec);
    auto op = f.engine->beginOperation({QStringLiteral("import:x.csv"), QStringLiteral("Import x.csv")});
    QVERIFY(op);
    QVERIFY(f.engine->upsertBatch(patches, UpsertPolicies::local(), *op));
    const QString after = f.snapshot();

    // Every contact's first entry in this operation is its create, when it has one.
    SqlStatement entries(*f.db, "SELECT contact_id, action FROM change_log WHERE op_id = ? ORDER BY id");
    entries.bind(1, *op);
    QSet<qint64> seen;
    QSet<qint64> created;
    while (entries.next()) {
        const qint64 id = entries.columnInt(0);
        if (entries.columnText(1) == QLatin1String("create")) {
            QVERIFY2(!seen.contains(id), qPrintable(QStringLiteral("contact %1 logged before its create").arg(id)));
            created << id;
        }
        seen << id;
    }
    QCOMPARE(created.size(), f.store->count() - 1);

    QVERIFY(f.undo->undo());
    QCOMPARE(f.snapshot(), before);
    QVERIFY(f.undo->redo());
    QCOMPARE(f.snapshot(), after);
}

// More entries than one page of the replay (20,000), with creates, updates of contacts from before and
// of contacts from the same operation, mixed: undo gives back the state before, redo the state after.
void TestUndoManager::largeImportOverManyPages()
{
    StoreFixture f;
    for (int i = 0; i < 50; ++i)
        f.upsert(QStringLiteral("email=old%1@acme.com|first_name=Old|city=Lyon").arg(i));
    const QString before = f.snapshot();
    auto op = f.engine->beginOperation({QStringLiteral("import:big.csv"), QStringLiteral("Import big.csv")});
    QVERIFY(op);
    QVector<ContactPatch> batch;
    for (int i = 0; i < 45000; ++i) {
        if (i % 1000 == 500)
            batch << patchFrom(QStringLiteral("email=old%1@acme.com|city=Nice|tags+=moved").arg(i / 1000));
        else if (i % 1000 == 900)
            batch << patchFrom(QStringLiteral("email=new%1@acme.com|job_title=CEO").arg(i - 100));
        else
            batch << patchFrom(QStringLiteral("email=new%1@acme.com|first_name=N%1").arg(i));
        if (batch.size() == 10000 || i == 44999) {
            QVERIFY(f.engine->upsertBatch(batch, UpsertPolicies::local(), *op));
            batch.clear();
        }
    }
    const QString after = f.snapshot();
    QCOMPARE(f.store->count(), 50 + 45000 - 45 - 45);

    const auto undone = f.undo->undo();
    QVERIFY2(undone, qPrintable(undone ? QString() : undone.error().toString()));
    QCOMPARE(f.snapshot(), before);
    QCOMPARE(f.store->count(), 50);
    // The search index holds exactly the live contacts, before and after.
    QCOMPARE(f.scalar("SELECT count(*) FROM contacts_fts"), 50);
    QCOMPARE(f.scalar("SELECT count(*) FROM contacts_fts WHERE contacts_fts MATCH 'n12345'"), 0);
    QVERIFY(f.undo->redo());
    QCOMPARE(f.snapshot(), after);
    QCOMPARE(f.scalar("SELECT count(*) FROM contacts_fts"), f.store->count());
    QCOMPARE(f.scalar("SELECT count(*) FROM contacts_fts WHERE contacts_fts MATCH 'n12345'"), 1);
}

// An import's batches are separate transactions: a write from elsewhere can land between them, so its
// entries sit inside the import's range of change-log ids. Undoing or redoing the import leaves it alone.
void TestUndoManager::interleavedOperationIsLeftAlone()
{
    StoreFixture f;
    auto op = f.engine->beginOperation({QStringLiteral("import:a.csv"), QStringLiteral("Import a.csv")});
    QVERIFY(op);
    const QVector<ContactPatch> first {patchFrom(QStringLiteral("email=a1@acme.com")),
                                       patchFrom(QStringLiteral("email=a2@acme.com"))};
    QVERIFY(f.engine->upsertBatch(first, UpsertPolicies::local(), *op));
    f.upsert(QStringLiteral("email=edit@acme.com|first_name=Elsewhere"));
    const QVector<ContactPatch> second {patchFrom(QStringLiteral("email=a3@acme.com"))};
    QVERIFY(f.engine->upsertBatch(second, UpsertPolicies::local(), *op));
    QCOMPARE(f.store->count(), 4);

    QVERIFY(f.undo->undo()); // the edit: the newest operation
    QCOMPARE(f.store->count(), 3);
    const auto import = f.undo->undo();
    QVERIFY(import);
    QCOMPARE(import->label, QStringLiteral("Import a.csv"));
    QCOMPARE(f.store->count(), 0);
    QVERIFY(f.undo->redo()); // the import again, not the edit
    QCOMPARE(f.store->count(), 3);
    QCOMPARE(f.scalar("SELECT count(*) FROM contacts_fts WHERE contacts_fts MATCH 'elsewhere'"), 0);
    QCOMPARE(f.scalar("SELECT count(*) FROM contacts WHERE email = 'edit@acme.com' AND deleted_at IS NULL"), 0);
}

// A large undo drops the sort indexes and rebuilds the search index inside its transaction: when it fails
// half way, all of that is rolled back with it.
void TestUndoManager::largeUndoThatFailsChangesNothing()
{
    StoreFixture f;
    auto op = f.engine->beginOperation({QStringLiteral("import:big.csv"), QStringLiteral("Import big.csv")});
    QVERIFY(op);
    QVector<ContactPatch> batch;
    for (int i = 0; i < 12000; ++i)
        batch << patchFrom(QStringLiteral("email=p%1@acme.com|first_name=P%1").arg(i));
    QVERIFY(f.engine->upsertBatch(batch, UpsertPolicies::local(), *op));
    QVector<qint64> ids;
    for (qint64 id = 1; id <= 12000; ++id)
        ids << id;
    QVERIFY(f.engine->remove(ids, {QStringLiteral("manual"), QStringLiteral("Delete all")}));
    // Another tool writes a live contact with the email of a removed one: undoing the removal cannot bring
    // that contact back, and the whole undo is refused.
    QVERIFY(SqlStatement::execute(*f.db,
                                  "INSERT INTO contacts (uid, email, email_norm, created_at, updated_at) "
                                  "SELECT randomblob(16), email, email_norm, created_at, updated_at FROM contacts "
                                  "WHERE id = 6000"));
    const QString before = f.snapshot();
    const qint64 indexes = f.scalar("SELECT count(*) FROM sqlite_master WHERE type = 'index'");
    const qint64 searchRows = f.scalar("SELECT count(*) FROM contacts_fts_docsize");
    const auto undone = f.undo->undo();
    QVERIFY(!undone);
    QCOMPARE(undone.error().code, ErrorCode::UndoConflict);
    QCOMPARE(f.snapshot(), before);
    QCOMPARE(f.scalar("SELECT count(*) FROM sqlite_master WHERE type = 'index'"), indexes);
    QCOMPARE(f.scalar("SELECT count(*) FROM settings WHERE key LIKE 'deferred_index.%'"), 0);
    QCOMPARE(f.scalar("SELECT count(*) FROM contacts_fts_docsize"), searchRows);
    QVERIFY(f.undo->nextUndo());
}

// A large undo or redo builds the identity indexes again at its end instead of keeping them row by row. A
// redo that would bring back an identifier another contact took since is still refused as a whole, and
// every index is left as it was.
void TestUndoManager::largeRedoRefusedByATakenIdentifier_data()
{
    QTest::addColumn<QString>("column");
    QTest::addColumn<QString>("value");
    QTest::newRow("email") << QStringLiteral("email_norm") << QStringLiteral("p77@acme.com");
    QTest::newRow("linkedin") << QStringLiteral("linkedin_norm") << QStringLiteral("https://www.linkedin.com/in/p77");
}

void TestUndoManager::largeRedoRefusedByATakenIdentifier()
{
    QFETCH(QString, column);
    QFETCH(QString, value);
    StoreFixture f;
    f.upsert(QStringLiteral("email=stays@acme.com|first_name=Stays"));
    auto op = f.engine->beginOperation({QStringLiteral("import:big.csv"), QStringLiteral("Import big.csv")});
    QVERIFY(op);
    QVector<ContactPatch> batch;
    for (int i = 0; i < 12000; ++i)
        batch << patchFrom(
            QStringLiteral("email=p%1@acme.com|first_name=P%1|linkedin_url=https://www.linkedin.com/in/p%1").arg(i));
    QVERIFY(f.engine->upsertBatch(batch, UpsertPolicies::local(), *op));
    const QString indexes = f.indexes();

    QVERIFY(f.undo->undo());
    QCOMPARE(f.store->count(), 1);
    QCOMPARE(f.indexes(), indexes);
    QCOMPARE(f.scalar("SELECT count(*) FROM settings WHERE key LIKE 'deferred_index.%'"), 0);
    // Built again from the live contacts: the one that stays.
    QCOMPARE(f.scalar("SELECT count(*) FROM contacts INDEXED BY contacts_email_norm "
                      "WHERE deleted_at IS NULL AND email_norm IS NOT NULL"),
             1);

    // Any write through Roster ends the redo; another tool writing to the file does not.
    SqlStatement taker(*f.db,
                       QByteArray("INSERT INTO contacts (uid, first_name, " + column.toUtf8()
                                  + ", created_at, updated_at) VALUES ('taker', 'Taker', ?, '2026-01-01', "
                                    "'2026-01-01')")
                           .constData());
    taker.bind(1, value);
    QVERIFY(taker.exec());
    const QString before = f.snapshot();
    const auto redone = f.undo->redo();
    QVERIFY(!redone);
    QCOMPARE(redone.error().code, ErrorCode::UndoConflict);
    QVERIFY2(redone.error().detail.contains(column), qPrintable(redone.error().detail));
    QCOMPARE(f.snapshot(), before);
    QCOMPARE(f.indexes(), indexes);
    QCOMPARE(f.scalar("SELECT count(*) FROM settings WHERE key LIKE 'deferred_index.%'"), 0);
    QVERIFY(f.undo->nextRedo());
}

// A contact row removed by another tool: the undo or redo replays the rest of the operation, logs nothing for the
// missing contact and names it, however large the run it is part of (a run checks the rows it changed against its
// entries); the operations before it stay reachable. It used to fail as a whole, for good.
void TestUndoManager::contactRemovedBehindRostersBack_data()
{
    QTest::addColumn<int>("rows");
    QTest::addColumn<bool>("redo");
    QTest::addColumn<bool>("edit"); // the operation changes a field (row by row) instead of creating contacts
    QTest::newRow("undo of 3 creates") << 3 << false << false;
    QTest::newRow("undo of 12000 creates") << 12000 << false << false;
    QTest::newRow("redo of 3 creates") << 3 << true << false;
    QTest::newRow("redo of 12000 creates") << 12000 << true << false;
    QTest::newRow("undo of 3 edits") << 3 << false << true;
    QTest::newRow("redo of 3 edits") << 3 << true << true;
}

void TestUndoManager::contactRemovedBehindRostersBack()
{
    QFETCH(int, rows);
    QFETCH(bool, redo);
    QFETCH(bool, edit);
    StoreFixture f;
    f.upsert(QStringLiteral("email=first@acme.com|first_name=First"));
    auto write = [&](const QString& label, const QString& title) {
        auto op = f.engine->beginOperation({QStringLiteral("import:a.csv"), label});
        QVERIFY(op);
        QVector<ContactPatch> batch;
        for (int i = 0; i < rows; ++i)
            batch << patchFrom(QStringLiteral("email=p%1@acme.com|first_name=P%1%2").arg(i).arg(title));
        QVERIFY(f.engine->upsertBatch(batch, UpsertPolicies::local(), *op));
    };
    write(QStringLiteral("Import a.csv"), {});
    if (edit)
        write(QStringLiteral("Import b.csv"), QStringLiteral("|job_title=CTO"));
    if (redo)
        QVERIFY(f.undo->undo());
    const qint64 gone = 3; // the second contact of the operation (the first is "First")
    QCOMPARE(f.scalar("SELECT count(*) FROM contacts WHERE id = 3"), 1);
    QVERIFY(SqlStatement::execute(*f.db, "DELETE FROM contacts WHERE id = 3"));

    const auto replayed = redo ? f.undo->redo() : f.undo->undo();
    QVERIFY2(replayed, replayed ? "" : qPrintable(replayed.error().detail));
    QCOMPARE(replayed->contactsGone, QList<qint64> {gone});
    const qint64 live = f.scalar("SELECT count(*) FROM contacts WHERE deleted_at IS NULL");
    if (edit) {
        QCOMPARE(live, rows); // First and the import's contacts but one
        QCOMPARE(f.scalar("SELECT count(*) FROM contacts WHERE job_title = 'CTO'"), redo ? rows - 1 : 0);
    } else {
        QCOMPARE(live, redo ? rows : 1);
    }
    // What the undo or redo logged names no missing contact, and the search index holds the live contacts only.
    QCOMPARE(f.scalar("SELECT count(*) FROM change_log WHERE contact_id = 3 AND op_id = (SELECT max(id) FROM "
                      "operations)"),
             0);
    // (The search index keeps the removed row's terms: a contentless FTS5 table needs the old values to drop
    // them, and they went with the row; searches join the contacts and never show it.)

    // The history behind it is still reachable.
    if (redo)
        QVERIFY(f.undo->undo());
    if (edit) {
        const auto older = f.undo->undo();
        QVERIFY2(older, older ? "" : qPrintable(older.error().detail));
        QCOMPARE(older->contactsGone, QList<qint64> {gone});
        QVERIFY(!f.snapshot().contains(QLatin1String("CTO")));
    }
    const auto first = f.undo->undo();
    QVERIFY2(first, first ? "" : qPrintable(first.error().detail));
    QVERIFY(first->contactsGone.isEmpty());
    QCOMPARE(f.snapshot(), QString());
}

void TestUndoManager::newWriteEndsRedo()
{
    StoreFixture f;
    f.upsert(QStringLiteral("email=a@acme.com"));
    QVERIFY(f.undo->undo());
    QVERIFY(f.undo->nextRedo());
    f.upsert(QStringLiteral("email=b@acme.com"));
    QVERIFY(!f.undo->nextRedo());
    const auto redo = f.undo->redo();
    QVERIFY(!redo);
    QCOMPARE(redo.error().code, ErrorCode::NothingToRedo);
}

void TestUndoManager::undoDelete()
{
    StoreFixture f;
    const auto created = f.upsert(QStringLiteral("email=a@acme.com|tags=t"));
    const QString before = f.snapshot();
    QVERIFY(f.engine->remove({created.contactId}, {QStringLiteral("manual"), QStringLiteral("Delete a")}));
    QCOMPARE(f.store->count(), 0);
    QVERIFY(f.undo->undo());
    QCOMPARE(f.snapshot(), before);
    // While it was deleted, its email was free; restoring a contact whose email was taken since is refused.
    QVERIFY(f.undo->redo());
    f.upsert(QStringLiteral("email=a@acme.com"));
    QVERIFY(f.undo->undo()); // undoes the new create
    QCOMPARE(f.store->count(), 0);
}

void TestUndoManager::nothingToUndo()
{
    StoreFixture f;
    const auto step = f.undo->undo();
    QVERIFY(!step);
    QCOMPARE(step.error().code, ErrorCode::NothingToUndo);
    // An operation that changed nothing is not an undo step.
    f.upsert(QStringLiteral("email=broken"));
    QVERIFY(!f.undo->nextUndo());
}

QTEST_GUILESS_MAIN(TestUndoManager)
#include "tst_undomanager.moc"

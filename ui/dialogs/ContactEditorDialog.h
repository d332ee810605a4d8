#pragma once

#include "contact/Contact.h"
#include "store/UpsertResult.h"
#include "widgets/FieldValidator.h"

#include <QDialog>

#include <array>

class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QWidget;
class QTabWidget;

namespace roster {

class ContactPatch;
class PhoneListEdit;
class StoreSession;

// The form for one contact: every fixed field, the other emails, phones (each with its kind) and web pages,
// tags, custom fields and the company.
// Values are checked as they are typed (the reason shown under the field, Save disabled while any is
// wrong); Save sends only what changed through the upsert engine and says what happened.
class ContactEditorDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContactEditorDialog)

public:
    // contactId 0 creates a new contact.
    ContactEditorDialog(StoreSession& session, qint64 contactId, QWidget* parent = nullptr);

    qint64 contactId() const { return m_contact.id; }
    bool hasErrors() const { return m_errorCount > 0; }
    // What Save would send; public for the tests.
    ContactPatch buildPatch() const;
    const std::optional<UpsertResult>& lastResult() const { return m_result; }

signals:
    void saved(qint64 contactId);
    void openContactRequested(qint64 contactId);

private:
    void buildForm();
    QWidget* addField(QFormLayout* form, Field field);
    void fill();
    QString text(Field field) const;
    // What the form shows for a stored value (a phone in international format).
    QString shownValue(Field field) const;
    void validate();
    void save();
    void showOutcome(const UpsertResult& result);
    void mergeIntoOther();
    QStringList extraEmailList() const;
    QLabel* errorLabel(const QString& objectName);
    QWidget* stacked(QWidget* input, QLabel* error);
    QStringList tagList() const;

    StoreSession& m_session;
    FieldValidator m_validator;
    Contact m_contact;
    QString m_companyName;
    std::array<QWidget*, kFieldCount> m_inputs {};
    std::array<QLabel*, kFieldCount> m_errors {};
    QPlainTextEdit* m_extraEmails = nullptr;
    QLabel* m_extraEmailsError = nullptr;
    PhoneListEdit* m_extraPhones = nullptr;
    PhoneList m_shownExtraPhones; // the stored other phones as the editor shows them
    QLabel* m_extraPhonesError = nullptr;
    QPlainTextEdit* m_extraWebsites = nullptr;
    QLineEdit* m_tags = nullptr;
    QHash<QString, QLineEdit*> m_custom;
    QTabWidget* m_tabs = nullptr;
    QLabel* m_message = nullptr;
    bool m_messageIsValidation = false; // m_message lists the fields to correct (not a save's outcome)
    QPushButton* m_openOther = nullptr;
    QPushButton* m_mergeIntoOther = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QPushButton* m_save = nullptr;
    qint64 m_otherContact = 0;
    int m_errorCount = 0;
    std::optional<UpsertResult> m_result;
};

} // namespace roster

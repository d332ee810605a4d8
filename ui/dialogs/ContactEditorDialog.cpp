#include "ContactEditorDialog.h"

#include "contact/PhoneNormalizer.h"
#include "models/FieldLabels.h"
#include "store/StoreSession.h"
#include "store/UpsertPolicies.h"
#include "widgets/PhoneListEdit.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QTabWidget>
#include <QVBoxLayout>

namespace roster {

namespace {

bool isLongText(Field field)
{
    return field == Field::JobDescription || field == Field::Summary || field == Field::Notes;
}

QStringList splitList(const QString& text, const QString& separators)
{
    QStringList items;
    for (const QString& item :
         text.split(QRegularExpression(QStringLiteral("[%1]").arg(separators)), Qt::SkipEmptyParts)) {
        if (const QString trimmed = item.trimmed(); !trimmed.isEmpty() && !items.contains(trimmed, Qt::CaseInsensitive))
            items << trimmed;
    }
    return items;
}

} // namespace

ContactEditorDialog::ContactEditorDialog(StoreSession& session, qint64 contactId, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_validator(session.engine().phones())
{
    setObjectName(QStringLiteral("contactEditor"));
    if (contactId > 0) {
        if (auto stored = session.contacts().contact(contactId)) {
            m_contact = std::move(*stored);
            if (m_contact.companyId > 0)
                m_companyName = session.contacts().companyName(m_contact.companyId);
        }
    }
    const QString name = m_contact.displayName();
    setWindowTitle(m_contact.id == 0 ? tr("New contact")
                                     : tr("Edit %1").arg(name.isEmpty() ? m_contact.value(Field::Email) : name));
    buildForm();
    fill();
    validate();
    resize(640, 620);
}

QWidget* ContactEditorDialog::addField(QFormLayout* form, Field field)
{
    const auto index = static_cast<std::size_t>(field);
    QWidget* input = nullptr;
    if (field == Field::DoNotContact) {
        auto* box = new QCheckBox(tr("Never contact this person"), this);
        input = box;
    } else if (isLongText(field)) {
        auto* edit = new QPlainTextEdit(this);
        edit->setTabChangesFocus(true);
        edit->setFixedHeight(field == Field::Notes ? 120 : 72);
        connect(edit, &QPlainTextEdit::textChanged, this, &ContactEditorDialog::validate);
        input = edit;
    } else {
        auto* edit = new QLineEdit(this);
        edit->setClearButtonEnabled(true);
        if (field == Field::DateOfBirth)
            edit->setPlaceholderText(tr("YYYY-MM-DD"));
        else if (field == Field::Phone)
            edit->setPlaceholderText(tr("+33 6 12 34 56 78"));
        else if (field == Field::LinkedinUrl)
            edit->setPlaceholderText(QStringLiteral("https://www.linkedin.com/in/…"));
        connect(edit, &QLineEdit::textChanged, this, &ContactEditorDialog::validate);
        input = edit;
    }
    input->setObjectName(QStringLiteral("field_") + FieldRegistry::name(field));
    auto* error = new QLabel(this);
    error->setObjectName(QStringLiteral("error_") + FieldRegistry::name(field));
    error->setWordWrap(true);
    error->setStyleSheet(QStringLiteral("color: #c0392b;"));
    error->hide();
    auto* cell = new QWidget(this);
    auto* column = new QVBoxLayout(cell);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(2);
    if (field == Field::Phone) {
        // The main phone's kind sits before its number, as on each of the other phones' rows.
        QComboBox* kind = PhoneListEdit::kindCombo(this);
        kind->setObjectName(QStringLiteral("field_") + FieldRegistry::name(Field::PhoneType));
        kind->setAccessibleName(FieldLabels::label(Field::PhoneType));
        connect(kind, &QComboBox::currentIndexChanged, this, &ContactEditorDialog::validate);
        m_inputs[static_cast<std::size_t>(Field::PhoneType)] = kind;
        auto* row = new QHBoxLayout;
        row->setContentsMargins(0, 0, 0, 0);
        row->addWidget(kind);
        row->addWidget(input, 1);
        column->addLayout(row);
    } else {
        column->addWidget(input);
    }
    column->addWidget(error);
    form->addRow(FieldLabels::formLabel(FieldLabels::label(field)), cell);
    m_inputs[index] = input;
    m_errors[index] = error;
    return input;
}

QLabel* ContactEditorDialog::errorLabel(const QString& objectName)
{
    auto* label = new QLabel(this);
    label->setObjectName(objectName);
    label->setStyleSheet(QStringLiteral("color: #c0392b;"));
    label->setWordWrap(true);
    label->hide();
    return label;
}

QWidget* ContactEditorDialog::stacked(QWidget* input, QLabel* error)
{
    auto* cell = new QWidget(this);
    auto* layout = new QVBoxLayout(cell);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(input);
    layout->addWidget(error);
    return cell;
}

void ContactEditorDialog::buildForm()
{
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("editorTabs"));
    auto page = [this](const QString& title) {
        auto* scroll = new QScrollArea(m_tabs);
        scroll->setWidgetResizable(true);
        scroll->setFrameShape(QFrame::NoFrame);
        auto* content = new QWidget(scroll);
        auto* column = new QVBoxLayout(content);
        auto* form = new QFormLayout;
        form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
        column->addLayout(form);
        column->addStretch(1); // rows keep their height; the space left goes below them
        scroll->setWidget(content);
        m_tabs->addTab(scroll, title);
        return form;
    };

    QFormLayout* main = page(tr("Contact"));
    for (Field f : {Field::FirstName, Field::LastName, Field::Email})
        addField(main, f);
    m_extraEmails = new QPlainTextEdit(this);
    m_extraEmails->setObjectName(QStringLiteral("field_extra_emails"));
    m_extraEmails->setTabChangesFocus(true);
    m_extraEmails->setFixedHeight(60);
    m_extraEmails->setPlaceholderText(tr("One address per line"));
    connect(m_extraEmails, &QPlainTextEdit::textChanged, this, &ContactEditorDialog::validate);
    m_extraEmailsError = new QLabel(this);
    m_extraEmailsError->setObjectName(QStringLiteral("error_extra_emails"));
    m_extraEmailsError->setStyleSheet(QStringLiteral("color: #c0392b;"));
    m_extraEmailsError->setWordWrap(true);
    m_extraEmailsError->hide();
    auto* extras = new QWidget(this);
    auto* extrasLayout = new QVBoxLayout(extras);
    extrasLayout->setContentsMargins(0, 0, 0, 0);
    extrasLayout->addWidget(m_extraEmails);
    extrasLayout->addWidget(m_extraEmailsError);
    main->addRow(FieldLabels::formLabel(FieldLabels::extraEmails()), extras);
    addField(main, Field::Phone);
    m_extraPhones = new PhoneListEdit(this);
    m_extraPhones->setObjectName(QStringLiteral("field_extra_phones"));
    connect(m_extraPhones, &PhoneListEdit::changed, this, &ContactEditorDialog::validate);
    m_extraPhonesError = errorLabel(QStringLiteral("error_extra_phones"));
    main->addRow(FieldLabels::formLabel(FieldLabels::extraPhones()), stacked(m_extraPhones, m_extraPhonesError));
    for (Field f : {Field::LinkedinUrl, Field::SalesNavUrl, Field::Website})
        addField(main, f);
    m_extraWebsites = new QPlainTextEdit(this);
    m_extraWebsites->setObjectName(QStringLiteral("field_extra_websites"));
    m_extraWebsites->setTabChangesFocus(true);
    m_extraWebsites->setFixedHeight(48);
    m_extraWebsites->setPlaceholderText(tr("One address per line"));
    connect(m_extraWebsites, &QPlainTextEdit::textChanged, this, &ContactEditorDialog::validate);
    main->addRow(FieldLabels::formLabel(FieldLabels::extraWebsites()), m_extraWebsites);
    m_tags = new QLineEdit(this);
    m_tags->setObjectName(QStringLiteral("field_tags"));
    m_tags->setPlaceholderText(tr("Comma separated, like customer, paris"));
    main->addRow(FieldLabels::formLabel(FieldLabels::tags()), m_tags);
    addField(main, Field::DoNotContact);

    QFormLayout* work = page(tr("Work"));
    for (Field f : {Field::JobTitle, Field::Headline, Field::CompanyName, Field::CompanyDomain,
                    Field::CompanyLinkedinUrl, Field::Industry, Field::JobDescription, Field::Skills, Field::Languages})
        addField(work, f);
    auto* company = new QLabel(m_companyName.isEmpty() ? tr("Not linked to a company") : m_companyName, this);
    company->setObjectName(QStringLiteral("linkedCompany"));
    company->setToolTip(tr("Set by the company domain or company LinkedIn page when saved."));
    work->addRow(tr("Linked company:"), company);

    QFormLayout* address = page(tr("Address"));
    for (Field f : {Field::Address1, Field::City, Field::State, Field::PostalCode, Field::Country, Field::Location,
                    Field::Timezone})
        addField(address, f);

    QFormLayout* more = page(tr("More"));
    for (Field f : {Field::Summary, Field::PictureUrl, Field::DateOfBirth, Field::Gender, Field::Owner, Field::Source,
                    Field::Notes})
        addField(more, f);

    QFormLayout* custom = page(tr("Custom fields"));
    const QVector<CustomFieldDefinition> definitions = m_session.engine().customFields().all();
    if (definitions.isEmpty())
        custom->addRow(new QLabel(tr("No custom fields yet. An import or `roster field add` creates them."), this));
    for (const CustomFieldDefinition& definition : definitions) {
        auto* edit = new QLineEdit(this);
        edit->setObjectName(QStringLiteral("custom_") + definition.key);
        custom->addRow(FieldLabels::formLabel(definition.label.isEmpty() ? definition.key : definition.label), edit);
        m_custom.insert(definition.key, edit);
    }

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("editorMessage"));
    m_message->setWordWrap(true);
    m_message->hide();
    m_openOther = new QPushButton(tr("Open the other contact"), this);
    m_openOther->setObjectName(QStringLiteral("openOtherButton"));
    m_openOther->hide();
    connect(m_openOther, &QPushButton::clicked, this, [this] {
        emit openContactRequested(m_otherContact);
        accept();
    });
    m_mergeIntoOther = new QPushButton(this);
    m_mergeIntoOther->setObjectName(QStringLiteral("mergeIntoOtherButton"));
    m_mergeIntoOther->setToolTip(tr("Adds what you typed to the other contact: its empty fields are filled, "
                                    "phones, emails and tags are added, and nothing it holds is overwritten."));
    m_mergeIntoOther->hide();
    connect(m_mergeIntoOther, &QPushButton::clicked, this, &ContactEditorDialog::mergeIntoOther);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_save = m_buttons->button(QDialogButtonBox::Save);
    m_save->setObjectName(QStringLiteral("saveButton"));
    connect(m_save, &QPushButton::clicked, this, &ContactEditorDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    auto* messageRow = new QHBoxLayout;
    messageRow->addWidget(m_message, 1);
    messageRow->addWidget(m_openOther);
    messageRow->addWidget(m_mergeIntoOther);
    layout->addLayout(messageRow);
    layout->addWidget(m_buttons);
}

void ContactEditorDialog::fill()
{
    for (int i = 0; i < kFieldCount; ++i) {
        const auto field = static_cast<Field>(i);
        QWidget* input = m_inputs[static_cast<std::size_t>(i)];
        if (auto* line = qobject_cast<QLineEdit*>(input))
            line->setText(shownValue(field));
        else if (auto* area = qobject_cast<QPlainTextEdit*>(input))
            area->setPlainText(m_contact.value(field));
        else if (auto* box = qobject_cast<QCheckBox*>(input))
            box->setChecked(m_contact.value(field) == QLatin1String("true"));
        else if (auto* combo = qobject_cast<QComboBox*>(input))
            combo->setCurrentIndex(qMax(0, combo->findData(m_contact.value(field))));
    }
    m_extraEmails->setPlainText(m_contact.extraEmails.join(QLatin1Char('\n')));
    // Shown like the main phone, in international format; what is shown reads back to what is stored.
    m_shownExtraPhones = m_contact.extraPhones;
    for (PhoneEntry& phone : m_shownExtraPhones)
        phone.number = PhoneNormalizer::formatInternational(phone.number);
    m_extraPhones->setPhones(m_shownExtraPhones);
    m_extraWebsites->setPlainText(m_contact.extraWebsites.join(QLatin1Char('\n')));
    m_tags->setText(m_contact.tags.join(QStringLiteral(", ")));
    for (auto it = m_custom.cbegin(); it != m_custom.cend(); ++it)
        it.value()->setText(m_contact.custom.value(it.key()));
}

QString ContactEditorDialog::shownValue(Field field) const
{
    // A stored E.164 phone is shown in international format, which reads back to the same number.
    const QString& stored = m_contact.value(field);
    return field == Field::Phone ? PhoneNormalizer::formatInternational(stored) : stored;
}

QString ContactEditorDialog::text(Field field) const
{
    QWidget* input = m_inputs[static_cast<std::size_t>(field)];
    if (auto* line = qobject_cast<QLineEdit*>(input))
        return line->text().trimmed();
    if (auto* area = qobject_cast<QPlainTextEdit*>(input))
        return area->toPlainText().trimmed();
    if (auto* combo = qobject_cast<QComboBox*>(input))
        return combo->currentData().toString();
    if (auto* box = qobject_cast<QCheckBox*>(input)) {
        if (box->isChecked())
            return QStringLiteral("true");
        return m_contact.value(field).isEmpty() ? QString() : QStringLiteral("false");
    }
    return {};
}

QStringList ContactEditorDialog::extraEmailList() const
{
    return splitList(m_extraEmails->toPlainText(), QStringLiteral("\\n,;"));
}

QStringList ContactEditorDialog::tagList() const
{
    return splitList(m_tags->text(), QStringLiteral(",;"));
}

void ContactEditorDialog::validate()
{
    m_errorCount = 0;
    QStringList blocking;
    for (int i = 0; i < kFieldCount; ++i) {
        const auto field = static_cast<Field>(i);
        QLabel* error = m_errors[static_cast<std::size_t>(i)];
        if (!error)
            continue;
        const QString reason = m_validator.check(field, text(field));
        // A value already stored (imported "as typed") is the user's own: editing another field never has to
        // fix it first.
        const bool blocks = !reason.isEmpty() && text(field) != shownValue(field);
        error->setText(reason);
        error->setStyleSheet(blocks ? QStringLiteral("color: #c0392b;") : QStringLiteral("color: #b9770e;"));
        error->setVisible(!reason.isEmpty());
        m_inputs[static_cast<std::size_t>(i)]->setToolTip(reason);
        if (blocks) {
            ++m_errorCount;
            blocking << FieldLabels::label(field);
        }
    }
    QStringList bad;
    for (const QString& email : extraEmailList()) {
        if (!m_validator.checkEmail(email).isEmpty() && !m_contact.extraEmails.contains(email))
            bad << email;
    }
    m_extraEmailsError->setText(bad.isEmpty() ? QString()
                                              : tr("Not email addresses: %1").arg(bad.join(QStringLiteral(", "))));
    m_extraEmailsError->setVisible(!bad.isEmpty());
    if (!bad.isEmpty()) {
        ++m_errorCount;
        blocking << tr("Other emails");
    }
    QStringList badPhones;
    for (const PhoneEntry& phone : m_extraPhones->phones()) {
        if (!m_validator.check(Field::Phone, phone.number).isEmpty()
            && !PhoneTypes::contains(m_shownExtraPhones, phone.number))
            badPhones << phone.number;
    }
    m_extraPhonesError->setText(
        badPhones.isEmpty() ? QString()
                            : tr("Not phone numbers: %1. Write them with their country code, like +33 6 12 34 56 78.")
                                  .arg(badPhones.join(QStringLiteral(", "))));
    m_extraPhonesError->setVisible(!badPhones.isEmpty());
    if (!badPhones.isEmpty()) {
        ++m_errorCount;
        blocking << FieldLabels::extraPhones();
    }
    m_save->setEnabled(m_errorCount == 0);
    // Said below the tabs, so that a field to correct on another tab is never a mystery.
    const QString correct = tr("Correct first: %1.").arg(blocking.join(QStringLiteral(", ")));
    m_save->setToolTip(m_errorCount == 0 ? QString() : correct);
    if (m_errorCount > 0) {
        m_message->setText(correct);
        m_message->setStyleSheet(QStringLiteral("color: #c0392b;"));
        m_message->show();
        m_messageIsValidation = true;
    } else if (m_messageIsValidation) {
        m_message->hide();
        m_messageIsValidation = false;
    }
}

ContactPatch ContactEditorDialog::buildPatch() const
{
    ContactPatch patch;
    if (m_contact.id > 0)
        patch.setContactId(m_contact.id);
    for (int i = 0; i < kFieldCount; ++i) {
        const auto field = static_cast<Field>(i);
        const QString value = text(field);
        if (value == m_contact.value(field) || value == shownValue(field))
            continue;
        if (value.isEmpty())
            patch.clear(field);
        else
            patch.set(field, value);
    }
    // A new number goes with the kind shown beside it, changed or not (the engine forgets the old number's
    // kind when the number changes without one).
    if (patch.has(Field::Phone) && !patch.has(Field::PhoneType) && !text(Field::PhoneType).isEmpty())
        patch.set(Field::PhoneType, text(Field::PhoneType));
    if (const QStringList extras = extraEmailList(); extras != m_contact.extraEmails)
        patch.setExtraEmails(extras, TagMode::Replace);
    if (const PhoneList phones = m_extraPhones->phones(); phones != m_shownExtraPhones)
        patch.setExtraPhones(phones, TagMode::Replace);
    if (const QStringList urls = splitList(m_extraWebsites->toPlainText(), QStringLiteral("\\n\\s"));
        urls != m_contact.extraWebsites)
        patch.setExtraWebsites(urls, TagMode::Replace);
    if (const QStringList tags = tagList(); tags != m_contact.tags)
        patch.setTags(tags, TagMode::Replace);
    for (auto it = m_custom.cbegin(); it != m_custom.cend(); ++it) {
        const QString value = it.value()->text().trimmed();
        if (value == m_contact.custom.value(it.key()))
            continue;
        if (value.isEmpty())
            patch.clearCustom(it.key());
        else
            patch.setCustom(it.key(), value);
    }
    return patch;
}

void ContactEditorDialog::save()
{
    if (hasErrors())
        return;
    const ContactPatch patch = buildPatch();
    if (m_contact.id > 0 && patch.isEmpty() && !patch.hasExtraEmails() && !patch.hasTags()) {
        accept();
        return;
    }
    QString name = QString(text(Field::FirstName) + QLatin1Char(' ') + text(Field::LastName)).trimmed();
    if (name.isEmpty())
        name = text(Field::Email);
    // The label is stored in the change log and shown by Edit > Undo in the language of that moment.
    const QString label = m_contact.id > 0 ? tr("Edit %1").arg(name) : tr("Create %1").arg(name);
    // A new contact never updates (or renames) one that already has its email, phone or LinkedIn address.
    UpsertPolicy policy = UpsertPolicies::local();
    policy.createOnly = m_contact.id == 0;
    // Typed here, a contact is found again by its id: a name is enough. Imports still need an identifier
    // to match rows, and a contact with neither a name nor an identifier would be nobody.
    if (!text(Field::FirstName).isEmpty() || !text(Field::LastName).isEmpty())
        policy.requiredAnyOf.clear();
    auto result = m_session.engine().upsert(patch, policy, {QStringLiteral("manual"), label});
    if (!result) {
        m_message->setText(FieldValidator::errorText(result.error().code) + QLatin1Char(' ') + result.error().detail);
        m_message->show();
        return;
    }
    m_result = *result;
    showOutcome(*result);
}

// New Contact typed with another contact's identifier: what was typed goes to that contact instead, without
// overwriting anything it already holds (a name typed differently is left out and said so).
void ContactEditorDialog::mergeIntoOther()
{
    const auto other = m_session.contacts().contact(m_otherContact);
    if (!other)
        return;
    ContactPatch patch = buildPatch();
    patch.setContactId(other->id);
    QStringList kept;
    for (const FieldInfo& info : FieldRegistry::all()) {
        if (!patch.has(info.field) || patch.value(info.field).isEmpty())
            continue;
        const QString& theirs = other->value(info.field);
        if (!theirs.isEmpty() && theirs.compare(patch.value(info.field), Qt::CaseInsensitive) != 0) {
            if (info.field == Field::Phone) {
                // Their main phone stays; the one typed is added to their other phones.
                PhoneList extras = patch.extraPhones();
                extras.prepend({patch.value(Field::Phone),
                                PhoneTypes::fromName(patch.value(Field::PhoneType)).value_or(PhoneType::None)});
                patch.setExtraPhones(extras, TagMode::Append);
                patch.remove(Field::PhoneType);
            } else if (info.field == Field::Email) {
                patch.setExtraEmails(patch.extraEmails() + QStringList {patch.value(Field::Email)}, TagMode::Append);
            } else if (info.field != Field::PhoneType) {
                kept << QStringLiteral("%1 (%2)").arg(FieldLabels::label(info.field), theirs);
            }
            patch.remove(info.field);
        }
    }
    // Lists are added to theirs, never put in their place.
    if (patch.hasExtraEmails())
        patch.setExtraEmails(patch.extraEmails(), TagMode::Append);
    if (patch.hasExtraPhones())
        patch.setExtraPhones(patch.extraPhones(), TagMode::Append);
    if (patch.hasExtraWebsites())
        patch.setExtraWebsites(patch.extraWebsites(), TagMode::Append);
    if (patch.hasTags())
        patch.setTags(patch.tags(), TagMode::Append);
    const QString label = tr("Edit %1").arg(other->displayName());
    auto result = m_session.engine().upsert(patch, UpsertPolicies::local(), {QStringLiteral("manual"), label});
    if (!result || result->status == UpsertResult::Status::Rejected) {
        m_message->setText(
            FieldValidator::errorText(result ? result->error.value_or(Error {}).code : result.error().code));
        return;
    }
    m_result = *result;
    m_contact.id = result->contactId;
    emit saved(result->contactId);
    if (kept.isEmpty()) {
        accept();
        return;
    }
    m_message->setText(
        tr("Added to %1, who keeps their %2.").arg(other->displayName(), kept.join(QStringLiteral(", "))));
    m_message->setStyleSheet(QStringLiteral("color: #b9770e;"));
    m_openOther->hide();
    m_mergeIntoOther->hide();
    m_save->setEnabled(false);
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Close"));
}

void ContactEditorDialog::showOutcome(const UpsertResult& result)
{
    if (result.status == UpsertResult::Status::Rejected) {
        const Error error = result.error.value_or(Error {});
        QString text = tr("Not saved: %1").arg(FieldValidator::errorText(error.code));
        m_otherContact = 0;
        for (const UpsertWarning& warning : result.warnings) {
            if (warning.code != ErrorCode::IdentifierTaken || warning.otherContactId <= 0)
                continue;
            m_otherContact = warning.otherContactId;
            const auto other = m_session.contacts().contact(warning.otherContactId);
            const QString who = other ? other->displayName() : QString::number(warning.otherContactId);
            // A new contact can be added to the other one (the button beside this); an edited one cannot.
            text = (m_contact.id == 0
                        ? tr("Not saved: the %1 already belongs to %2. Add what you typed to %2, or open %2.")
                        : tr("Not saved: the %1 already belongs to %2. Open %2 to add to that contact instead."))
                       .arg(FieldLabels::label(FieldRegistry::fromName(warning.field).value_or(Field::Email)), who);
        }
        m_message->setText(text);
        m_messageIsValidation = false;
        m_message->setStyleSheet(QStringLiteral("color: #c0392b;"));
        m_message->show();
        m_openOther->setVisible(m_otherContact > 0);
        if (m_otherContact > 0 && m_contact.id == 0) {
            const auto other = m_session.contacts().contact(m_otherContact);
            m_mergeIntoOther->setText(
                tr("Add to %1").arg(other ? other->displayName() : QString::number(m_otherContact)));
        }
        m_mergeIntoOther->setVisible(m_otherContact > 0 && m_contact.id == 0);
        return;
    }
    m_contact.id = result.contactId;
    emit saved(result.contactId);
    QStringList notes;
    m_otherContact = 0;
    for (const UpsertWarning& warning : result.warnings) {
        if (warning.code == ErrorCode::PossibleDuplicate && warning.otherContactId > 0) {
            m_otherContact = warning.otherContactId;
            const auto other = m_session.contacts().contact(warning.otherContactId);
            const QString who = other ? other->displayName() : QString::number(warning.otherContactId);
            notes << tr("The %1 already belongs to %2, so it was not applied here.")
                         .arg(FieldLabels::label(FieldRegistry::fromName(warning.field).value_or(Field::Email)), who);
        } else {
            notes << FieldValidator::errorText(warning.code);
        }
    }
    if (notes.isEmpty()) {
        accept();
        return;
    }
    m_message->setText(tr("Saved, with a remark: %1").arg(notes.join(QLatin1Char(' '))));
    m_messageIsValidation = false;
    m_message->setStyleSheet(QStringLiteral("color: #b9770e;"));
    m_message->show();
    m_openOther->setVisible(m_otherContact > 0);
    m_save->setEnabled(false);
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Close"));
}

} // namespace roster

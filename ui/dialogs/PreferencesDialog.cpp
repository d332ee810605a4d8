#include "PreferencesDialog.h"

#include "contact/PhoneNormalizer.h"
#include "store/DatabaseConfig.h"
#include "store/StoreSession.h"
#include "widgets/FieldValidator.h"

#include <QCollator>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace roster {

PreferencesDialog::PreferencesDialog(StoreSession& session, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("preferencesDialog"));
    setWindowTitle(tr("Preferences"));
    DatabaseConfig config(session.database());
    const auto current = config.get(DatabaseConfig::phoneRegionKey());
    m_stored = current ? current->value : DatabaseConfig::noRegion();
    m_storedIsDefault = !current || current->isDefault;

    m_region = new QComboBox(this);
    m_region->setObjectName(QStringLiteral("phoneRegionCombo"));
    m_region->setEditable(false);
    fillRegions(m_stored, m_storedIsDefault);
    auto* explanation = new QLabel(tr("Phone numbers written without their country code (like 06 12 34 56 78) are "
                                      "read as numbers of this country. A number that is not valid there is kept "
                                      "as typed, with a warning. Stored in this database, so imports, syncs and "
                                      "`roster config` use the same region."),
                                   this);
    explanation->setObjectName(QStringLiteral("phoneRegionHelp"));
    explanation->setWordWrap(true);
    explanation->setForegroundRole(QPalette::PlaceholderText);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("preferencesMessage"));
    m_message->setWordWrap(true);
    m_message->hide();
    if (session.database().isReadOnly()) {
        m_region->setEnabled(false);
        m_message->setText(FieldValidator::errorText(ErrorCode::ReadOnlyDatabase));
        m_message->show();
    }

    auto* form = new QFormLayout;
    form->addRow(tr("Phone region:"), m_region);
    form->addRow(QString(), explanation);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("preferencesOk"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (apply())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    resize(520, sizeHint().height());
}

QString PreferencesDialog::regionName(const QString& code)
{
    const QLocale::Territory territory = QLocale::codeToTerritory(code);
    if (territory == QLocale::AnyTerritory)
        return code;
    return tr("%1 (%2)").arg(QLocale::territoryToString(territory), code);
}

void PreferencesDialog::fillRegions(const QString& current, bool isDefault)
{
    struct Item
    {
        QString name;
        QString code;
    };
    QVector<Item> items;
    for (const QString& code : PhoneNormalizer::supportedRegions())
        items.append({regionName(code), code});
    QCollator collator;
    std::sort(items.begin(), items.end(),
              [&collator](const Item& a, const Item& b) { return collator.compare(a.name, b.name) < 0; });
    m_region->addItem(tr("None: numbers need their country code"), DatabaseConfig::noRegion());
    for (const Item& item : items)
        m_region->addItem(item.name, item.code);
    int index = m_region->findData(current);
    if (index < 0)
        index = 0;
    if (isDefault)
        m_region->setItemText(index, tr("%1 — the system's, by default").arg(m_region->itemText(index)));
    m_region->setCurrentIndex(index);
}

bool PreferencesDialog::apply()
{
    const QString chosen = m_region->currentData().toString();
    // Unchanged: a default stays unset, so that it keeps following the system's country.
    if (chosen == m_stored)
        return true;
    auto stored = DatabaseConfig(m_session.database()).set(DatabaseConfig::phoneRegionKey(), chosen);
    if (!stored) {
        m_message->setText(FieldValidator::errorText(stored.error().code) + QLatin1Char(' ') + stored.error().detail);
        m_message->setStyleSheet(QStringLiteral("color: #c0392b;"));
        m_message->show();
        return false;
    }
    m_stored = *stored;
    m_storedIsDefault = false;
    m_session.engine().reloadPhoneRegion();
    emit phoneRegionChanged(m_region->currentText());
    return true;
}

} // namespace roster

#include "NoMatchHint.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace roster {

NoMatchHint::NoMatchHint(QWidget* parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
    , m_clear(new QPushButton(tr("Show All Contacts"), this))
{
    setObjectName(QStringLiteral("noMatchHint"));
    m_label->setObjectName(QStringLiteral("noMatchLabel"));
    m_label->setAlignment(Qt::AlignCenter);
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::PlainText);
    m_label->setForegroundRole(QPalette::PlaceholderText);
    // Centred in the table, a wrapping label would take its narrowest width and break after each word.
    m_label->setMinimumWidth(m_label->fontMetrics().averageCharWidth() * 48);
    m_clear->setObjectName(QStringLiteral("clearSearchButton"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_label);
    layout->addWidget(m_clear, 0, Qt::AlignHCenter);
    connect(m_clear, &QPushButton::clicked, this, &NoMatchHint::clearRequested);
}

void NoMatchHint::setSearch(const QString& search)
{
    const QString words = search.simplified();
    m_label->setText(words.isEmpty() ? tr("No contact matches the chosen tag and company.")
                                     : tr("No contact matches “%1”.").arg(words));
    m_clear->setText(words.isEmpty() ? tr("Show All Contacts") : tr("Clear Search"));
}

QString NoMatchHint::text() const
{
    return m_label->text();
}

} // namespace roster

#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QTranslator>

namespace roster {

namespace {

// What the last install() put in place, so that choosing another language replaces it instead of stacking
// a second translation under the first.
QList<QPointer<QTranslator>>& installed()
{
    static QList<QPointer<QTranslator>> translators;
    return translators;
}

bool add(const QString& path)
{
    auto* translator = new QTranslator(QCoreApplication::instance());
    if (!translator->load(path)) {
        delete translator;
        return false;
    }
    QCoreApplication::installTranslator(translator);
    installed() << translator;
    return true;
}

bool add(const QLocale& locale, const QString& name, const QString& directory)
{
    auto* translator = new QTranslator(QCoreApplication::instance());
    if (!translator->load(locale, name, QStringLiteral("_"), directory)) {
        delete translator;
        return false;
    }
    QCoreApplication::installTranslator(translator);
    installed() << translator;
    return true;
}

} // namespace

QStringList Translations::available()
{
    return {QStringLiteral("en"), QStringLiteral("fr"), QStringLiteral("de")};
}

bool Translations::install(const QString& language)
{
    for (const QPointer<QTranslator>& translator : std::as_const(installed())) {
        if (translator) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
    }
    installed().clear();
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    if (!language.isEmpty())
        QLocale::setDefault(locale);
    if (locale.language() == QLocale::English || locale.language() == QLocale::C) {
        // The source texts are English but for their plural forms, which only a translation gives.
        add(QStringLiteral(":/i18n/roster_en.qm"));
        return true;
    }
    if (!add(locale, QStringLiteral("roster"), QStringLiteral(":/i18n")))
        return false; // all in English then, Qt's buttons included
    // Qt's own texts (Save, Cancel, the file dialogs) come from Debian's qt6-translations-l10n.
    add(locale, QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    return true;
}

} // namespace roster

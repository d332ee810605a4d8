#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace roster {

QStringList Translations::available()
{
    return {QStringLiteral("en"), QStringLiteral("fr"), QStringLiteral("de")};
}

bool Translations::install(const QString& language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    if (!language.isEmpty())
        QLocale::setDefault(locale);
    if (locale.language() == QLocale::English || locale.language() == QLocale::C)
        return true;
    auto* qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    auto* roster = new QTranslator(QCoreApplication::instance());
    if (!roster->load(locale, QStringLiteral("roster"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        delete roster;
        return false;
    }
    QCoreApplication::installTranslator(roster);
    return true;
}

} // namespace roster

#include "AuthHeader.h"

namespace roster {

namespace {

QByteArray basicToken(const QString& secret)
{
    return QByteArray(QByteArrayLiteral(":") + secret.toUtf8()).toBase64();
}

} // namespace

HttpHeader AuthHeader::make(AuthScheme scheme, const QString& secret)
{
    switch (scheme) {
    case AuthScheme::BasicKeyAsPassword:
        return {QByteArrayLiteral("Authorization"), QByteArrayLiteral("Basic ") + basicToken(secret)};
    case AuthScheme::Bearer:
        break;
    }
    return {QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + secret.toUtf8()};
}

QList<QByteArray> AuthHeader::secretForms(AuthScheme scheme, const QString& secret)
{
    QList<QByteArray> forms;
    // Shorter strings would scrub innocent text and cannot be meaningful keys anyway.
    if (secret.size() < 4)
        return forms;
    forms << secret.toUtf8();
    if (scheme == AuthScheme::BasicKeyAsPassword)
        forms << basicToken(secret);
    return forms;
}

QByteArray AuthHeader::redact(QByteArray text, const QList<QByteArray>& forms)
{
    for (const QByteArray& form : forms) {
        if (!form.isEmpty())
            text.replace(form, QByteArrayLiteral("***"));
    }
    return text;
}

QString AuthHeader::redact(const QString& text, const QList<QByteArray>& forms)
{
    QString result = text;
    for (const QByteArray& form : forms) {
        if (!form.isEmpty())
            result.replace(QString::fromUtf8(form), QStringLiteral("***"));
    }
    return result;
}

} // namespace roster

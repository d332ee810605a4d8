#pragma once

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;

namespace roster {

class StoreSession;

// Edit > Preferences: the settings of the open database (DatabaseConfig), the ones `roster config` sets from
// a terminal. For now the phone region: the country whose national numbers a phone without a country code is
// read as. Disabled, with the reason, when the database is read-only.
class PreferencesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreferencesDialog)

public:
    explicit PreferencesDialog(StoreSession& session, QWidget* parent = nullptr);

    QComboBox* phoneRegion() const { return m_region; }
    // Stores the choice (OK does this, then closes); false with the reason shown when the store refused it.
    bool apply();

    // "France (FR)" in the user's language; the code alone for a region Qt cannot name.
    static QString regionName(const QString& code);

signals:
    // After a new region was stored and the session's engine reads it: the text of the new region.
    void phoneRegionChanged(const QString& region);

private:
    void fillRegions(const QString& current, bool isDefault);

    StoreSession& m_session;
    QComboBox* m_region = nullptr;
    QLabel* m_message = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QString m_stored; // the value read when the dialog opened
    bool m_storedIsDefault = true;
};

} // namespace roster

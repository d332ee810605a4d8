#pragma once

#include "EmulatorServer.h"

#include <QStringList>

#include <memory>

namespace roster::emulator {

// Makes an emulator from a provider name, for the command line and parameterised tests.
class EmulatorFactory final
{
public:
    // "lemlist", "getsales" (alias "grinfi"), "highlevel", "monaco".
    static QStringList providers();
    static std::unique_ptr<EmulatorServer> create(const QString& provider, QObject* parent = nullptr);
};

} // namespace roster::emulator

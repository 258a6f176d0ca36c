// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/logging.h"

Q_LOGGING_CATEGORY(lcProtocol, "nh.protocol", QtWarningMsg)
Q_LOGGING_CATEGORY(lcClient, "nh.client", QtWarningMsg)
Q_LOGGING_CATEGORY(lcStore, "nh.store", QtWarningMsg)
Q_LOGGING_CATEGORY(lcEmulator, "nh.emulator", QtWarningMsg)

// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulator/demodevices.h"

using namespace Qt::Literals::StringLiterals;

namespace Nh {

const QList<DemoDevice> &demoDevices()
{
    // The default send of the demos: "sports || politics" (what the composer starts with).
    static const QList<DemoDevice> devices = {
        {"healthy"_L1,
         "handle"_L1,
         "fcm-token-bob-d8Ks1eQ:APA91bHun4MxP5egoKMwt2KZFBaFUH"_L1,
         "fcmv1"_L1,
         "sports || politics"_L1,
         {},
         {},
         false},
        // two native registrations carry the same handle
        {"duplicate"_L1,
         "handle"_L1,
         "fcm-token-frank-twice-xR7:APA91bQ2x"_L1,
         "fcmv1"_L1,
         "sports || politics"_L1,
         {},
         "duplicates"_L1,
         false},
        // a registration whose ExpirationTime has passed
        {"expired"_L1,
         "handle"_L1,
         "B7C41E09A2D35F68C0E1B2A3948576D1F0E9C8B7A6D5E4F3C2B1A09F8E7D6C5B"_L1,
         "apple"_L1,
         "sports || politics"_L1,
         {},
         "expiry"_L1,
         false},
        // a legacy GCM registration, and the back end sends FCM v1
        {"legacy-gcm"_L1,
         "handle"_L1,
         "gcm-legacy-token-APA91bGHXQBB"_L1,
         "fcmv1"_L1,
         "sports"_L1,
         {},
         "platform"_L1,
         false},
        // a template registration whose $(message) the template send does not set
        {"template-property"_L1,
         "handle"_L1,
         "4F1D9C0B7E2A6D3358C1E0B9A7F4D2C6E8B1A3F5D7C9E0B2A4C6E8F0A2B4C6D8"_L1,
         "template"_L1,
         "sports || politics"_L1,
         {"title=Hello"_L1, "body=World"_L1},
         "template"_L1,
         false},
        // a production build's token on the demo hub's sandbox APNs endpoint
        {"apns-environment"_L1,
         "handle"_L1,
         "C0FFEE0012production4A5B6C7D8E9F00112233445566778899AABBCCDDEEFF01"_L1,
         "apple"_L1,
         "sports || politics"_L1,
         {},
         "hub"_L1,
         true},
        // an installation whose tags the default expression does not reach
        {"tags-excluded"_L1,
         "installation"_L1,
         "5d2c7a8e-9b14-4f3e-8a61-2c9d0e7f4b35"_L1,
         "fcmv1"_L1,
         "sports || politics"_L1,
         {},
         "tags"_L1,
         false},
    };
    return devices;
}

} // namespace Nh

// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The one source of a precompiled-header anchor target (cmake/NhPch.cmake); it only carries the
// header set that other targets reuse.

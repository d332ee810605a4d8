#pragma once

// Issue 14's figures: the local time and peak RSS of a `roster sync --push-only` (its own process, as cron or a
// terminal runs it) with one contact edited among `count` linked ones, on a lemlist emulator.
int runOneChangeBench(int count);

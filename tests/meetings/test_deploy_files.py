"""The systemd timer runs `participatie reminders send`, as DESIGN §6 names it."""

from __future__ import annotations

from pathlib import Path

SYSTEMD = Path(__file__).resolve().parents[2] / "deploy" / "systemd"


def test_the_reminder_timer_runs_the_send_command() -> None:
    service = (SYSTEMD / "participatie-reminders.service").read_text()
    timer = (SYSTEMD / "participatie-reminders.timer").read_text()
    assert "ExecStart=/opt/participatie/.venv/bin/participatie reminders send" in service
    assert "EnvironmentFile=/etc/participatie/env" in service
    assert "OnCalendar=" in timer and "WantedBy=timers.target" in timer

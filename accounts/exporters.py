"""The sheet people fill in to make accounts (accounts.provision reads it back)."""

from core.sheets.exporter import Exporter, Table, register

from .provision import template


@register
class AccountsTemplate(Exporter):
    identifier = "accounts-template"
    name_th, name_en = "แบบฟอร์มสร้างบัญชีผู้ใช้", "accounts template"
    formats = ("xlsx", "csv")
    permission = "accounts.provision"
    scope = "accounts"

    def table(self, source=None) -> Table:
        return template()

    def filename(self, source=None) -> str:
        return "cdd4-accounts-template"

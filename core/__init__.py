"""The bottom layer: Thai formatting, dates, errors and the access gate. Imports no app of ours."""

"""The 報告書 (Reports) area: pick a report, choose its comments, preview, export."""

/** What an empty sub-table says ("Nothing recorded yet"), instead of react-admin's "No <resource> found", which
 * names the page's resource rather than the table's contents. */
import { Typography } from "@mui/material";
import { useTranslate } from "react-admin";

export function EmptyText({ text = "jj.labels.nothing_recorded" }: { text?: string }) {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary" sx={{ py: 1 }} data-testid="empty-text">
      {translate(text)}
    </Typography>
  );
}

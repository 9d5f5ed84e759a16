//! What the store holds (`hookcli store info`) and emptying it (`store clear`).

use super::Store;

/// Rows per kind of record, for `hookcli store`.
pub struct TableCount {
    pub table: String,
    pub rows: i64,
}

impl Store {
    /// The tables in the store, by name.
    fn tables(&self) -> anyhow::Result<Vec<String>> {
        Ok(self
            .conn
            .prepare(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
            )?
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?)
    }

    /// Every table hookcli created and how many records it holds. Load
    /// deliveries are counted one by one (they are kept in chunks), and the
    /// load index is not a kind of record.
    pub fn table_counts(&self) -> anyhow::Result<Vec<TableCount>> {
        let names = self.tables()?;
        let mut counts = Vec::new();
        for table in names {
            let (label, sql) = match table.as_str() {
                "load_keys" => continue,
                "load_chunks" => (
                    "load_deliveries".to_string(),
                    "SELECT coalesce(sum(count), 0) FROM load_chunks WHERE kind = 0".to_string(),
                ),
                _ => (
                    table.clone(),
                    format!("SELECT count(*) FROM \"{}\"", table.replace('"', "\"\"")),
                ),
            };
            let rows = self.conn.query_row(&sql, [], |r| r.get(0))?;
            counts.push(TableCount { table: label, rows });
        }
        Ok(counts)
    }

    /// Deletes every recorded row, in one transaction, and compacts the file.
    pub fn clear(&mut self) -> anyhow::Result<i64> {
        let counts = self.table_counts()?;
        let tables = self.tables()?;
        self.write(|tx| {
            tx.pragma_update(None, "defer_foreign_keys", "ON")?;
            for table in &tables {
                tx.execute(
                    &format!("DELETE FROM \"{}\"", table.replace('"', "\"\"")),
                    [],
                )?;
            }
            Ok(())
        })?;
        self.conn.execute_batch("VACUUM")?;
        Ok(counts.iter().map(|c| c.rows).sum())
    }
}

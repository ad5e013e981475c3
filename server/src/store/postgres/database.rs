//! A connection to one PostgreSQL database: a pool on a small runtime of its own, shared by the
//! event log and by the state kept beside it (`crate::tables`), with the schema brought up to
//! date when it is first opened.

use super::schema::{self, failed};
use super::{StoreError, pool_failed};
use deadpool_postgres::{Manager, ManagerConfig, Pool, RecyclingMethod};
use std::future::Future;
use std::sync::Arc;
use tokio::task::JoinHandle;
use tokio_postgres::Row;
use tokio_postgres::types::ToSql;
use tokio_postgres_rustls::MakeRustlsConnect;

/// An open database (cheap to clone). The runtime stops when the last clone is dropped.
#[derive(Clone)]
pub struct Database {
    pool: Pool,
    config: Arc<tokio_postgres::Config>,
    tls: MakeRustlsConnect,
    runtime: Arc<OwnRuntime>,
}

/// The database's runtime. Tasks on it hold only the pool, never a [`Database`], so that the
/// runtime is never dropped from one of its own threads.
struct OwnRuntime(Option<tokio::runtime::Runtime>);

impl Drop for OwnRuntime {
    fn drop(&mut self) {
        if let Some(runtime) = self.0.take() {
            // A transaction in flight is rolled back by the database when its connection
            // closes: nothing that was acknowledged depends on the tasks stopped here.
            runtime.shutdown_background();
        }
    }
}

/// A statement's parameters, owned so that they can be sent to the database's runtime.
pub type Params = Vec<Box<dyn ToSql + Send + Sync>>;

impl Database {
    /// Connects to the database at `url` (`postgres://user@host/database`) with at most
    /// `connections` open at once, and brings its schema up to date. Fails when the database
    /// cannot be reached or is newer than this server.
    pub fn connect(url: &str, connections: usize) -> Result<Self, StoreError> {
        let mut config: tokio_postgres::Config = url
            .parse()
            .map_err(|e| StoreError::Io(format!("the database address is not valid: {e}")))?;
        // A prepared statement's generic plan is made once, often while the log is nearly
        // empty and a sequential scan is cheapest; the log then outgrows it. The lookup of a
        // commit's ids scanned the whole log that way, and 64 writers got 4,000 events/s.
        // Each execution is planned for the log as it is.
        let planned = format!(
            "{} -c plan_cache_mode=force_custom_plan",
            config.get_options().unwrap_or_default()
        );
        config.options(planned.trim());
        let tls = super::tls::connector(&mut config)?;
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("antikor-postgres")
            .enable_all()
            .build()?;
        let manager = Manager::from_config(
            config.clone(),
            tls.clone(),
            ManagerConfig {
                recycling_method: RecyclingMethod::Fast,
            },
        );
        let pool = Pool::builder(manager)
            .max_size(connections.max(2))
            .runtime(deadpool_postgres::Runtime::Tokio1)
            .build()
            .map_err(|e| StoreError::Io(format!("PostgreSQL: {e}")))?;
        let database = Self {
            pool,
            config: Arc::new(config),
            tls,
            runtime: Arc::new(OwnRuntime(Some(runtime))),
        };
        let pool = database.pool.clone();
        database.on(async move {
            let mut client = pool.get().await.map_err(pool_failed)?;
            schema::migrate(&mut client).await.map(drop)
        })?;
        Ok(database)
    }

    /// The pool, for tasks on the database's runtime.
    pub(super) fn pool(&self) -> &Pool {
        &self.pool
    }

    /// How a task opens connections of its own, outside the pool (the listener of `follow`
    /// and the holder of the duties keep one each): the configuration and its TLS.
    pub(super) fn own_connections(&self) -> (Arc<tokio_postgres::Config>, MakeRustlsConnect) {
        (self.config.clone(), self.tls.clone())
    }

    /// Starts `task` on the database's runtime.
    pub(super) fn spawn<F>(&self, task: F) -> JoinHandle<F::Output>
    where
        F: Future + Send + 'static,
        F::Output: Send + 'static,
    {
        self.handle().spawn(task)
    }

    fn handle(&self) -> &tokio::runtime::Handle {
        self.runtime
            .0
            .as_ref()
            .expect("the runtime lives as long as the database")
            .handle()
    }

    /// Runs `work` on the database's runtime and waits for it on this thread. The caller may
    /// be a thread of another runtime (a request's handler): it waits as it would on a disk
    /// read, and the work runs on the database's own threads.
    ///
    /// The answer comes back by a plain channel, not the task's `JoinHandle`: polled from
    /// inside a tokio task whose cooperative budget is spent, a `JoinHandle` defers its wake-up
    /// to that task's scheduler, which this wait blocks, and a test that read 128 times hung
    /// for good.
    pub fn on<T: Send + 'static>(
        &self,
        work: impl Future<Output = Result<T, StoreError>> + Send + 'static,
    ) -> Result<T, StoreError> {
        let (answer, answered) = std::sync::mpsc::sync_channel(1);
        self.spawn(async move {
            let _ = answer.send(work.await);
        });
        let wait = || {
            answered.recv().map_err(|_| {
                StoreError::Io(
                    "a PostgreSQL task stopped without an answer (the server is stopping)".into(),
                )
            })
        };
        // On a worker of a multi-threaded runtime (a request's handler), the worker's other
        // tasks move to another thread while this one waits: without it, each round trip held
        // up every request queued on the worker, and 64 clients got 1,600 commands/s.
        let on_worker = tokio::runtime::Handle::try_current().is_ok_and(|runtime| {
            runtime.runtime_flavor() == tokio::runtime::RuntimeFlavor::MultiThread
        });
        if on_worker {
            tokio::task::block_in_place(wait)?
        } else {
            wait()?
        }
    }

    /// The rows `sql` returns for `params`, on a connection of the pool.
    pub fn query(&self, sql: impl Into<String>, params: Params) -> Result<Vec<Row>, StoreError> {
        let (pool, sql) = (self.pool.clone(), sql.into());
        self.on(async move {
            let client = pool.get().await.map_err(pool_failed)?;
            let statement = client.prepare_cached(&sql).await.map_err(failed)?;
            client
                .query(&statement, &borrowed(&params))
                .await
                .map_err(failed)
        })
    }

    /// Runs `statements` with their parameters in one transaction, and returns how many rows
    /// each changed.
    pub fn transact(
        &self,
        statements: Vec<(&'static str, Params)>,
    ) -> Result<Vec<u64>, StoreError> {
        let pool = self.pool.clone();
        self.on(async move {
            let mut client = pool.get().await.map_err(pool_failed)?;
            let transaction = client.transaction().await.map_err(failed)?;
            let mut changed = Vec::with_capacity(statements.len());
            for (sql, params) in &statements {
                let statement = transaction.prepare_cached(sql).await.map_err(failed)?;
                changed.push(
                    transaction
                        .execute(&statement, &borrowed(params))
                        .await
                        .map_err(failed)?,
                );
            }
            transaction.commit().await.map_err(failed)?;
            Ok(changed)
        })
    }

    /// Closes the pool's connections; later calls fail as with a database out of reach.
    pub fn close(&self) {
        self.pool.close();
    }
}

fn borrowed(params: &Params) -> Vec<&(dyn ToSql + Sync)> {
    params.iter().map(|p| &**p as &(dyn ToSql + Sync)).collect()
}

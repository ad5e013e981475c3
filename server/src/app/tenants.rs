//! The directory of tenants: registering a province's municipalities, regional
//! administrations, territorial units and national bodies, and the NSI list they come from.

use super::App;
use crate::access::TenantRegistrar;
use crate::domain::tenants::{self, Directory, Register, TenantAggregate};
use crate::streams;
use crate::util::errors::{AppError, AppResult};
use antikor_migrations::country::country;
use antikor_shared::tenant::{
    MunicipalityEntry, ProvinceEntry, RegisterTenant, Tenant, TenantKind,
};

impl App {
    /// Registers a tenant. One registration at a time, so that the directory it is checked
    /// against is the one it joins.
    pub async fn register_tenant(
        &self,
        registrar: &TenantRegistrar,
        request: RegisterTenant,
    ) -> AppResult<Tenant> {
        let (slug, registration) = tenants::resolve(request)?;
        let scope = registrar.write(&slug, &registration)?;
        let _one_at_a_time = self.tenant_registration.lock().await;
        let directory = self.directory();
        let command = Register {
            slug: slug.clone(),
            registration,
        };
        self.execute::<TenantAggregate>(&scope, streams::tenant(), None, command, &directory)
            .await?;
        self.models_unscoped()
            .tenant_list()
            .into_iter()
            .find(|t| t.id == slug)
            .ok_or_else(|| AppError::Internal(anyhow::anyhow!("a registered tenant is listed")))
    }

    fn directory(&self) -> Directory {
        let models = self.models_unscoped();
        let mut directory = Directory::default();
        for (registration, _) in models
            .tenants
            .values()
            .filter_map(|m| m.registration.as_ref())
        {
            directory
                .official_codes
                .insert(registration.official_code.clone());
            if let (TenantKind::RegionalAdministration, Some(p)) =
                (registration.kind, &registration.province)
            {
                directory.administrations.insert(p.clone());
            }
        }
        directory
    }

    /// The NSI list of provinces and municipalities, with what of it is registered.
    pub fn country(&self) -> Vec<ProvinceEntry> {
        let models = self.models_unscoped();
        country()
            .provinces()
            .iter()
            .map(|p| {
                let administration = p.administration_slug();
                ProvinceEntry {
                    code: p.code.clone(),
                    name_bg: p.name_bg.to_owned(),
                    administration: models.has_tenant(&administration).then_some(administration),
                    plans: models.plans.years(&p.code),
                    municipalities: country()
                        .municipalities_of(&p.code)
                        .map(|m| MunicipalityEntry {
                            nsi_code: m.nsi_code.to_owned(),
                            name_bg: m.name_bg.to_owned(),
                            slug: m.slug.clone(),
                            registered: models.has_tenant(&m.slug),
                        })
                        .collect(),
                }
            })
            .collect()
    }
}

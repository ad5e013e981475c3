# English: accounts, institutions (tenants), login and password.
# Every id starts with "admin-"; shared/src/i18n.rs says how the catalogue works.

## Accounts page
admin-accounts-title = Accounts
admin-accounts-lead-auditor = The accounts of all institutions. As an auditor you can see them but not change them.
admin-accounts-lead-regional = The accounts of all institutions in the province: create accounts, change roles, disable accounts and set new passwords.
admin-accounts-lead-national = The accounts of all institutions in the country: create accounts, change roles, disable accounts and set new passwords.
admin-accounts-lead-tenant = The accounts of your institution: create accounts, change roles, disable accounts and set new passwords.
admin-accounts-filter = Filter
admin-accounts-institution = Institution
admin-accounts-all-institutions = All institutions

## Accounts page: the table
admin-accounts-caption = Accounts and their roles
admin-accounts-empty = No accounts.
admin-accounts-column-username = Username
admin-accounts-column-name = Name
admin-accounts-column-institution = Institution
admin-accounts-column-role = Role
admin-accounts-column-state = Status
admin-accounts-column-last-login = Last login
admin-accounts-column-actions = Actions
admin-account-active = Active
admin-account-disabled = Disabled
admin-account-never-logged-in = never
admin-account-own = Your account
admin-account-change-password = Change password
admin-account-history = History

## Accounts page: actions on an account
admin-action-role = Change role
admin-action-disable = Disable
admin-action-enable = Enable
admin-action-reset = New password
admin-action-cancel = Cancel
admin-action-reloaded = The account has been reloaded with the latest data; what you typed in the form has been kept.
admin-action-account-gone = The account is no longer in the list.
admin-action-new-role = New role (currently: { $role })
admin-action-role-done = The role of “{ $username }” has been changed to “{ $role }”.
admin-action-reason = Reason for disabling
admin-action-reason-help = Recorded in the audit trail. The account cannot log in until it is enabled again.
admin-action-reason-missing = Write the reason for disabling the account.
admin-action-disable-done = The account “{ $username }” has been disabled and its sessions ended.
admin-action-enable-note = The account will be able to log in again with the same password.
admin-action-enable-done = The account “{ $username }” has been enabled again.
admin-action-password = New password
admin-action-password-help = Between { $min } and { $max } characters. The account's current sessions are ended.
admin-action-reset-done = The password of “{ $username }” has been changed. Give it to the employee through a secure channel.

## Accounts page: a new account
admin-create-title = New account
admin-create-username = Username
admin-create-username-help = Lowercase Latin letters, digits and . - _, e.g. bansko.ivanova
admin-create-username-invalid = A username may contain lowercase Latin letters, digits and the characters . - _ (up to 64 characters), and must start with a letter or a digit.
admin-create-display-name = Full name
admin-create-display-name-missing = Enter the first and last name.
admin-create-institution = Institution
admin-create-choose-institution = Choose an institution
admin-create-institution-missing = Choose an institution.
admin-create-role = Role
admin-create-role-unfit = Choose a role that suits the institution.
admin-create-password = Initial password
admin-create-password-help = Between { $min } and { $max } characters. Give it to the employee through a secure channel; they can change it under “Change password”.
admin-create-submit = Create account
admin-create-done = The account “{ $username }” has been created with the role “{ $role }”.

## Institutions page
admin-tenants-title = Institutions
admin-tenants-lead = The regional administrations, municipalities and territorial units in Antikor, each in its province. Choose an institution to see all its events in the audit trail.
admin-tenants-caption = Institutions in Antikor. Choose a row to see the institution's audit trail.
admin-tenants-column-institution = Institution
admin-tenants-column-kind = Type
admin-tenants-column-province = Province
admin-tenants-column-code = Code
admin-tenants-column-ekatte = EKATTE
admin-tenants-column-population = Population (2011)
admin-tenants-column-events = Events
admin-tenants-column-last-change = Last change
admin-tenants-total = { $count ->
    [one] Total: { $count } institution
   *[other] Total: { $count } institutions
}
admin-tenants-no-province = There is no province with the code “{ $code }”.

## Institutions page: registering institutions
admin-register-country-heading = Registering institutions nationwide
admin-register-country-lead = A province's regional administration starts working in Antikor once you register it here and open an administrator account for it on the “Accounts” page. You register a province's municipalities and territorial units after choosing the province above.
admin-register-heading = Registering an institution
admin-register-lead = The municipalities and territorial units of { $province } province start working in Antikor once you register them here. Regional administrations and central authorities are registered by the national administrator.
admin-register-provinces-heading = Regional administrations
admin-register-provinces-done = The regional administrations of all provinces are registered.
admin-register-province-label = Register the regional administration of { $province } province
admin-register-municipalities-heading = Municipalities
admin-register-municipalities-done = All municipalities of the province are registered.
admin-register-municipality-label = Register the municipality of { $municipality }
admin-register-button = Register
admin-register-registered = “{ $name }” has been registered.
admin-register-unit-heading = Territorial unit
admin-register-unit-submit = Register the unit
admin-register-unit-done = The territorial unit “{ $name }” has been registered.
admin-register-body-heading = Central authority
admin-register-body-submit = Register the authority
admin-register-body-done = The central authority “{ $name }” has been registered.
admin-register-slug = Short name
admin-register-slug-help = Lowercase Latin letters, digits and hyphens, e.g. { $example }. It appears in web addresses and cannot be changed.
admin-register-slug-invalid = The short name may contain lowercase Latin letters, digits and hyphens (up to 40 characters), and must start with a letter or a digit.
admin-register-name-bg = Name in Bulgarian
admin-register-name-bg-missing = Enter the name in Bulgarian.
admin-register-name-en = Name in English
admin-register-name-en-missing = Enter the name in English.
admin-register-code = Official code
admin-register-code-help = UIC (EIK) or BULSTAT code
admin-register-code-missing = Enter the official code.
admin-register-province = Province

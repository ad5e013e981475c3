# English: the page shell: header, navigation, footer, session, shared components and forms.
# Every id starts with "shell-"; shared/src/i18n.rs says how the catalogue works.

## The header and footer.
shell-brand = Antikor
shell-subtitle = Preventing and countering corruption
shell-subtitle-country = Public councils for preventing and countering corruption
shell-subtitle-province = Regional Public Council for Preventing and Countering Corruption — { $province }
shell-skip-to-main = Skip to main content
shell-footer = Antikor { $version } · { $served } Every change is recorded in an unalterable, hash-chained audit trail.
shell-language-switch = Change the language: Bulgarian
shell-login = Log in
shell-logout = Log out
shell-change-password = Change password

## The navigation.
shell-nav-label = Main navigation
shell-nav-menu = Menu
shell-nav-public = Public information
shell-nav-work = Work
shell-nav-admin = Oversight and administration
shell-nav-home = Home
shell-nav-plan = Plan
shell-nav-progress = Progress
shell-nav-meetings = Meetings
shell-nav-contested-acts = Contested acts
shell-nav-council = Council
shell-nav-report-corruption = Report corruption
shell-nav-signal-statistics = Signal statistics
shell-nav-tenants = Institutions
shell-nav-dashboard = Dashboard
shell-nav-activities = Activities
shell-nav-risks = Risks
shell-nav-signals = Signals
shell-nav-survey = Survey
shell-nav-region = Regional view
shell-nav-audit = Audit trail
shell-nav-accounts = Accounts

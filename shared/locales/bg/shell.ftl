# Bulgarian: the page shell: header, navigation, footer, session, shared components and forms.
# Every id starts with "shell-"; shared/src/i18n.rs says how the catalogue works.

## The header and footer.
shell-brand = Антикор
shell-subtitle = Превенция и противодействие на корупцията
shell-subtitle-country = Обществени съвети за превенция и противодействие на корупцията
shell-subtitle-province = Областен обществен съвет за превенция и противодействие на корупцията — { $province }
shell-skip-to-main = Към основното съдържание
shell-footer = Антикор { $version } · { $served } Всяка промяна се записва в неизменяема, верижно хеширана одитна следа.
shell-language-switch = Смяна на езика: английски
shell-login = Вход
shell-logout = Изход
shell-change-password = Смяна на парола

## The navigation.
shell-nav-label = Основна навигация
shell-nav-menu = Меню
shell-nav-public = Публична информация
shell-nav-work = Работа
shell-nav-admin = Контрол и администриране
shell-nav-home = Начало
shell-nav-plan = План
shell-nav-progress = Изпълнение
shell-nav-meetings = Заседания
shell-nav-contested-acts = Оспорени актове
shell-nav-council = Съвет
shell-nav-report-corruption = Подай сигнал
shell-nav-signal-statistics = Статистика на сигналите
shell-nav-tenants = Институции
shell-nav-dashboard = Табло
shell-nav-activities = Дейности
shell-nav-risks = Рискове
shell-nav-signals = Сигнали
shell-nav-survey = Анкета
shell-nav-region = Областен изглед
shell-nav-audit = Одитна следа
shell-nav-accounts = Профили

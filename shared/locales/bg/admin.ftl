# Bulgarian: accounts, institutions (tenants), login and password.
# Every id starts with "admin-"; shared/src/i18n.rs says how the catalogue works.

## Accounts page
admin-accounts-title = Профили
admin-accounts-lead-auditor = Профилите във всички институции. Като одитор ги виждате, без да можете да ги променяте.
admin-accounts-lead-regional = Профилите във всички институции на областта: създаване, смяна на роля, деактивиране и нова парола.
admin-accounts-lead-national = Профилите във всички институции в страната: създаване, смяна на роля, деактивиране и нова парола.
admin-accounts-lead-tenant = Профилите във вашата институция: създаване, смяна на роля, деактивиране и нова парола.
admin-accounts-filter = Филтър
admin-accounts-institution = Институция
admin-accounts-all-institutions = Всички институции

## Accounts page: the table
admin-accounts-caption = Профили и техните роли
admin-accounts-empty = Няма профили.
admin-accounts-column-username = Потребител
admin-accounts-column-name = Име
admin-accounts-column-institution = Институция
admin-accounts-column-role = Роля
admin-accounts-column-state = Състояние
admin-accounts-column-last-login = Последен вход
admin-accounts-column-actions = Действия
admin-account-active = Активен
admin-account-disabled = Деактивиран
admin-account-never-logged-in = никога
admin-account-own = Вашият профил
admin-account-change-password = Смяна на парола
admin-account-history = История

## Accounts page: actions on an account
admin-action-role = Смяна на роля
admin-action-disable = Деактивиране
admin-action-enable = Активиране
admin-action-reset = Нова парола
admin-action-cancel = Отказ
admin-action-reloaded = Профилът е презареден с последните данни; въведеното във формуляра е запазено.
admin-action-account-gone = Профилът вече не е в списъка.
admin-action-new-role = Нова роля (сега: { $role })
admin-action-role-done = Ролята на „{ $username }“ е сменена на „{ $role }“.
admin-action-reason = Причина за деактивирането
admin-action-reason-help = Записва се в одитната следа. Профилът не може да влиза, докато не бъде активиран отново.
admin-action-reason-missing = Напишете причината за деактивирането.
admin-action-disable-done = Профилът „{ $username }“ е деактивиран; сесиите му са прекратени.
admin-action-enable-note = Профилът ще може да влиза отново със същата парола.
admin-action-enable-done = Профилът „{ $username }“ е активиран отново.
admin-action-password = Нова парола
admin-action-password-help = Между { $min } и { $max } знака. Текущите сесии на профила се прекратяват.
admin-action-reset-done = Паролата на „{ $username }“ е сменена. Съобщете я на служителя по сигурен път.

## Accounts page: a new account
admin-create-title = Нов профил
admin-create-username = Потребителско име
admin-create-username-help = Малки латински букви, цифри и . - _, напр. bansko.ivanova
admin-create-username-invalid = Потребителското име може да съдържа малки латински букви, цифри и знаците . - _ (до 64 знака) и започва с буква или цифра.
admin-create-display-name = Име и фамилия
admin-create-display-name-missing = Въведете име и фамилия.
admin-create-institution = Институция
admin-create-choose-institution = Изберете институция
admin-create-institution-missing = Изберете институция.
admin-create-role = Роля
admin-create-role-unfit = Изберете роля, която подхожда на институцията.
admin-create-password = Начална парола
admin-create-password-help = Между { $min } и { $max } знака. Съобщете я на служителя по сигурен път; той може да я смени от „Смяна на парола“.
admin-create-submit = Създай профила
admin-create-done = Профилът „{ $username }“ е създаден с роля „{ $role }“.

## Institutions page
admin-tenants-title = Институции
admin-tenants-lead = Областните администрации, общините и териториалните звена в Антикор, всяка в своята област. Изберете институция, за да видите всички нейни събития в одитната следа.
admin-tenants-caption = Институции в Антикор. Изберете ред, за да видите одитната следа на институцията.
admin-tenants-column-institution = Институция
admin-tenants-column-kind = Вид
admin-tenants-column-province = Област
admin-tenants-column-code = Код
admin-tenants-column-ekatte = ЕКАТТЕ
admin-tenants-column-population = Население (2011)
admin-tenants-column-events = Събития
admin-tenants-column-last-change = Последна промяна
admin-tenants-total = { $count ->
    [one] Общо: { $count } институция
   *[other] Общо: { $count } институции
}
admin-tenants-no-province = Няма област с код „{ $code }“.

## Institutions page: registering institutions
admin-register-country-heading = Регистриране на институции в страната
admin-register-country-lead = Областната администрация на една област започва работа в Антикор, след като я регистрирате тук и ѝ откриете профил на администратор от страницата „Профили“. Общините и териториалните звена на една област регистрирате, след като я изберете по-горе.
admin-register-heading = Регистриране на институция
admin-register-lead = Общините и териториалните звена на област { $province } започват работа в Антикор, след като ги регистрирате тук. Областните администрации и централните органи регистрира администраторът на национално ниво.
admin-register-provinces-heading = Областни администрации
admin-register-provinces-done = Областните администрации на всички области са регистрирани.
admin-register-province-label = Регистрирай областната администрация на област { $province }
admin-register-municipalities-heading = Общини
admin-register-municipalities-done = Всички общини на областта са регистрирани.
admin-register-municipality-label = Регистрирай община { $municipality }
admin-register-button = Регистрирай
admin-register-registered = „{ $name }“ е регистрирана.
admin-register-unit-heading = Териториално звено
admin-register-unit-submit = Регистрирай звеното
admin-register-unit-done = Териториалното звено „{ $name }“ е регистрирано.
admin-register-body-heading = Централен орган
admin-register-body-submit = Регистрирай органа
admin-register-body-done = Централният орган „{ $name }“ е регистриран.
admin-register-slug = Кратко име
admin-register-slug-help = Малки латински букви, цифри и тире, напр. { $example }. Стои в адресите и не може да се сменя.
admin-register-slug-invalid = Краткото име може да съдържа малки латински букви, цифри и тире (до 40 знака) и започва с буква или цифра.
admin-register-name-bg = Наименование
admin-register-name-bg-missing = Въведете наименованието на български.
admin-register-name-en = Наименование на английски
admin-register-name-en-missing = Въведете наименованието на английски.
admin-register-code = Официален код
admin-register-code-help = ЕИК или код по БУЛСТАТ
admin-register-code-missing = Въведете официалния код.
admin-register-province = Област

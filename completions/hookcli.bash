_hookcli() {
    local i cur prev opts cmd
    COMPREPLY=()
    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
        cur="$2"
    else
        cur="${COMP_WORDS[COMP_CWORD]}"
    fi
    prev="$3"
    cmd=""
    opts=""

    for i in "${COMP_WORDS[@]:0:COMP_CWORD}"
    do
        case "${cmd},${i}" in
            ",$1")
                cmd="hookcli"
                ;;
            hookcli,check)
                cmd="hookcli__subcmd__check"
                ;;
            hookcli,completions)
                cmd="hookcli__subcmd__completions"
                ;;
            hookcli,config)
                cmd="hookcli__subcmd__config"
                ;;
            hookcli,events)
                cmd="hookcli__subcmd__events"
                ;;
            hookcli,fixtures)
                cmd="hookcli__subcmd__fixtures"
                ;;
            hookcli,help)
                cmd="hookcli__subcmd__help"
                ;;
            hookcli,keys)
                cmd="hookcli__subcmd__keys"
                ;;
            hookcli,listen)
                cmd="hookcli__subcmd__listen"
                ;;
            hookcli,man)
                cmd="hookcli__subcmd__man"
                ;;
            hookcli,replay)
                cmd="hookcli__subcmd__replay"
                ;;
            hookcli,send)
                cmd="hookcli__subcmd__send"
                ;;
            hookcli,sign)
                cmd="hookcli__subcmd__sign"
                ;;
            hookcli,store)
                cmd="hookcli__subcmd__store"
                ;;
            hookcli,verify)
                cmd="hookcli__subcmd__verify"
                ;;
            hookcli__subcmd__events,help)
                cmd="hookcli__subcmd__events__subcmd__help"
                ;;
            hookcli__subcmd__events,list)
                cmd="hookcli__subcmd__events__subcmd__list"
                ;;
            hookcli__subcmd__events,show)
                cmd="hookcli__subcmd__events__subcmd__show"
                ;;
            hookcli__subcmd__events__subcmd__help,help)
                cmd="hookcli__subcmd__events__subcmd__help__subcmd__help"
                ;;
            hookcli__subcmd__events__subcmd__help,list)
                cmd="hookcli__subcmd__events__subcmd__help__subcmd__list"
                ;;
            hookcli__subcmd__events__subcmd__help,show)
                cmd="hookcli__subcmd__events__subcmd__help__subcmd__show"
                ;;
            hookcli__subcmd__fixtures,generate)
                cmd="hookcli__subcmd__fixtures__subcmd__generate"
                ;;
            hookcli__subcmd__fixtures,help)
                cmd="hookcli__subcmd__fixtures__subcmd__help"
                ;;
            hookcli__subcmd__fixtures,list)
                cmd="hookcli__subcmd__fixtures__subcmd__list"
                ;;
            hookcli__subcmd__fixtures,show)
                cmd="hookcli__subcmd__fixtures__subcmd__show"
                ;;
            hookcli__subcmd__fixtures__subcmd__help,generate)
                cmd="hookcli__subcmd__fixtures__subcmd__help__subcmd__generate"
                ;;
            hookcli__subcmd__fixtures__subcmd__help,help)
                cmd="hookcli__subcmd__fixtures__subcmd__help__subcmd__help"
                ;;
            hookcli__subcmd__fixtures__subcmd__help,list)
                cmd="hookcli__subcmd__fixtures__subcmd__help__subcmd__list"
                ;;
            hookcli__subcmd__fixtures__subcmd__help,show)
                cmd="hookcli__subcmd__fixtures__subcmd__help__subcmd__show"
                ;;
            hookcli__subcmd__help,check)
                cmd="hookcli__subcmd__help__subcmd__check"
                ;;
            hookcli__subcmd__help,completions)
                cmd="hookcli__subcmd__help__subcmd__completions"
                ;;
            hookcli__subcmd__help,config)
                cmd="hookcli__subcmd__help__subcmd__config"
                ;;
            hookcli__subcmd__help,events)
                cmd="hookcli__subcmd__help__subcmd__events"
                ;;
            hookcli__subcmd__help,fixtures)
                cmd="hookcli__subcmd__help__subcmd__fixtures"
                ;;
            hookcli__subcmd__help,help)
                cmd="hookcli__subcmd__help__subcmd__help"
                ;;
            hookcli__subcmd__help,keys)
                cmd="hookcli__subcmd__help__subcmd__keys"
                ;;
            hookcli__subcmd__help,listen)
                cmd="hookcli__subcmd__help__subcmd__listen"
                ;;
            hookcli__subcmd__help,man)
                cmd="hookcli__subcmd__help__subcmd__man"
                ;;
            hookcli__subcmd__help,replay)
                cmd="hookcli__subcmd__help__subcmd__replay"
                ;;
            hookcli__subcmd__help,send)
                cmd="hookcli__subcmd__help__subcmd__send"
                ;;
            hookcli__subcmd__help,sign)
                cmd="hookcli__subcmd__help__subcmd__sign"
                ;;
            hookcli__subcmd__help,store)
                cmd="hookcli__subcmd__help__subcmd__store"
                ;;
            hookcli__subcmd__help,verify)
                cmd="hookcli__subcmd__help__subcmd__verify"
                ;;
            hookcli__subcmd__help__subcmd__events,list)
                cmd="hookcli__subcmd__help__subcmd__events__subcmd__list"
                ;;
            hookcli__subcmd__help__subcmd__events,show)
                cmd="hookcli__subcmd__help__subcmd__events__subcmd__show"
                ;;
            hookcli__subcmd__help__subcmd__fixtures,generate)
                cmd="hookcli__subcmd__help__subcmd__fixtures__subcmd__generate"
                ;;
            hookcli__subcmd__help__subcmd__fixtures,list)
                cmd="hookcli__subcmd__help__subcmd__fixtures__subcmd__list"
                ;;
            hookcli__subcmd__help__subcmd__fixtures,show)
                cmd="hookcli__subcmd__help__subcmd__fixtures__subcmd__show"
                ;;
            hookcli__subcmd__help__subcmd__store,clear)
                cmd="hookcli__subcmd__help__subcmd__store__subcmd__clear"
                ;;
            hookcli__subcmd__help__subcmd__store,info)
                cmd="hookcli__subcmd__help__subcmd__store__subcmd__info"
                ;;
            hookcli__subcmd__store,clear)
                cmd="hookcli__subcmd__store__subcmd__clear"
                ;;
            hookcli__subcmd__store,help)
                cmd="hookcli__subcmd__store__subcmd__help"
                ;;
            hookcli__subcmd__store,info)
                cmd="hookcli__subcmd__store__subcmd__info"
                ;;
            hookcli__subcmd__store__subcmd__help,clear)
                cmd="hookcli__subcmd__store__subcmd__help__subcmd__clear"
                ;;
            hookcli__subcmd__store__subcmd__help,help)
                cmd="hookcli__subcmd__store__subcmd__help__subcmd__help"
                ;;
            hookcli__subcmd__store__subcmd__help,info)
                cmd="hookcli__subcmd__store__subcmd__help__subcmd__info"
                ;;
            *)
                ;;
        esac
    done

    case "${cmd}" in
        hookcli)
            opts="-h -V --store --no-store --config --color --help --version sign verify send fixtures completions man store config listen events replay check keys help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 1 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --store)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcli__subcmd__check)
            opts="-t -p -s -f -k -h -V --to --provider --secret --budget --probe-url --only --skip --fail-on --format --json --allow-remote --insecure --max-time --seed --store --no-store --config --color --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --to)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -t)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --provider)
                    COMPREPLY=($(compgen -W "stripe github standard twilio sendgrid shopify slack paddle linear zoom razorpay square discord clerk resend mailgun gitlab" -- "${cur}"))
                    return 0
                    ;;
                -p)
                    COMPREPLY=($(compgen -W "stripe github standard twilio sendgrid shopify slack paddle linear zoom razorpay square discord clerk resend mailgun gitlab" -- "${cur}"))
                    return 0
                    ;;
                --secret)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -s)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --budget)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --probe-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --only)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --skip)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --fail-on)
                    COMPREPLY=($(compgen -W "critical warning info" -- "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "human json junit" -- "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -W "human json junit" -- "${cur}"))
                    return 0
                    ;;
                --max-time)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --seed)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --store)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcli__subcmd__completions)
            opts="-h -V --store --no-store --config --color --help --version bash elvish fish powershell zsh"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --store)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcli__subcmd__config)
            opts="-h -V --init --json --store --no-store --config --color --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --store)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcli__subcmd__events)
            opts="-h -V --type --verdict --since --dead-letters --limit --json --body --store --no-store --config --color --help --version list show help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --type)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --verdict)
                    COMPREPLY=($(compgen -W "valid invalid" -- "${cur}"))
                    return 0
                    ;;
                --since)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --limit)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --store)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcli__subcmd__events__subcmd__help)
            opts="list show help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcli__subcmd__events__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcli__subcmd__events__subcmd__help__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcli__subcmd__events__subcmd__help__subcmd__show)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcli__subcmd__events__subcmd__list)
            opts="-h -V --type --verdict --since --dead-letters --limit --json --store --no-store --config --color --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --type)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --verdict)
                    COMPREPLY=($(compgen -W "valid invalid" -- "${cur}"))
                    return 0
                    ;;
                --since)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --limit)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --store)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcli__subcmd__events__subcmd__show)
            opts="-h -V --body --json --store --no-store --config --color --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --store)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcli__subcmd__fixtures)
            opts="-h -V --store --no-store --config --color --help --version list show generate help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --store)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcli__subcmd__fixtures__subcmd__generate)
            opts="-o -s -p -h -V --out --prefix --all --force --secret --to --json --provider --set --unset --timestamp --seed --fixtures-dir --store --no-store --config --color --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --out)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --prefix)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --secret)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -s)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --to)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --provider)
                    COMPREPLY=($(compgen -W "stripe github standard twilio sendgrid shopify slack paddle linear zoom razorpay square discord clerk resend mailgun gitlab" -- "${cur}"))
                    return 0
                    ;;
                -p)
                    COMPREPLY=($(compgen -W "stripe github standard twilio sendgrid shopify slack paddle linear zoom razorpay square discord clerk resend mailgun gitlab" -- "${cur}"))
                    return 0
                    ;;
                --set)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --unset)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timestamp)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --seed)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --fixtures-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --store)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcli__subcmd__fixtures__subcmd__help)
            opts="list show generate help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcli__subcmd__fixtures__subcmd__help__subcmd__generate)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcli__subcmd__fixtures__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcli__subcmd__fixtures__subcmd__help__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcli__subcmd__fixtures__subcmd__help__subcmd__show)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcli__subcmd__fixtures__subcmd__list)
            opts="-p -h -V --provider --fixtures-dir --json --store --no-store --config --color --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --provider)
                    COMPREPLY=($(compgen -W "stripe github standard twilio sendgrid shopify slack paddle linear zoom razorpay square discord clerk resend mailgun gitlab" -- "${cur}"))
                    return 0
                    ;;
                -p)
                    COMPREPLY=($(compgen -W "stripe github standard twilio sendgrid shopify slack paddle linear zoom razorpay square discord clerk resend mailgun gitlab" -- "${cur}"))
                    return 0
                    ;;
                --fixtures-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --store)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcli__subcmd__fixtures__subcmd__show)
            opts="-p -h -V --provider --set --unset --timestamp --seed --fixtures-dir --json --store --no-store --config --color --help --version accepted account.application.authorized account.application.deauthorized account.external_account.created account.external_account.deleted account.external_account.updated account.updated adjustment.created app/uninstalled app_home_opened app_mention app_uninstalled application_fee.created application_fee.refund.updated application_fee.refunded apps.install.created apps.install.deleted apps.install.updated balance.available balance_settings.updated billing.alert.triggered billing.credit_balance_transaction.created billing.credit_grant.created billing.credit_grant.updated billing.meter.created billing.meter.deactivated billing.meter.reactivated billing.meter.updated billing_portal.configuration.created billing_portal.configuration.updated billing_portal.session.created block_actions bounce build call.received call.status capability.updated cash_balance.funds_available charge.captured charge.dispute.closed charge.dispute.created charge.dispute.funds_reinstated charge.dispute.funds_withdrawn charge.dispute.updated charge.expired charge.failed charge.pending charge.refund.updated charge.refunded charge.succeeded charge.updated check_suite.completed checkout.session.async_payment_failed checkout.session.async_payment_succeeded checkout.session.completed checkout.session.expired checkouts/create checkouts/update click clicked climate.order.canceled climate.order.created climate.order.delayed climate.order.delivered climate.order.product_substituted climate.product.created climate.product.pricing_updated collections/create collections/delete collections/update com.twilio.messaging.inbound-message.received com.twilio.messaging.message.delivered comment.create comment.update complained contact.created coupon.created coupon.deleted coupon.updated credit_note.created credit_note.updated credit_note.voided customer.created customer.deleted customer.discount.created customer.discount.deleted customer.discount.updated customer.source.created customer.source.deleted customer.source.expiring customer.source.updated customer.subscription.created customer.subscription.deleted customer.subscription.paused customer.subscription.pending_update_applied customer.subscription.pending_update_expired customer.subscription.resumed customer.subscription.trial_will_end customer.subscription.updated customer.tax_id.created customer.tax_id.deleted customer.tax_id.updated customer.updated customer_cash_balance_transaction.created customers/create customers/data_request customers/disable customers/enable customers/redact customers/update cycle.create deferred delivered deployment domain.updated draft_orders/create draft_orders/delete draft_orders/update dropped email.bounced email.clicked email.complained email.created email.delivered email.delivery_delayed email.failed email.opened email.sent endpoint.url_validation entitlements.active_entitlement_summary.updated event.application_authorized event.application_deauthorized event.entitlement_create event.ping file.created financial_connections.account.account_numbers_updated financial_connections.account.created financial_connections.account.deactivated financial_connections.account.disconnected financial_connections.account.expected_deactivation_date_updated financial_connections.account.reactivated financial_connections.account.refreshed_balance financial_connections.account.refreshed_ownership financial_connections.account.refreshed_transactions financial_connections.account.supported_payment_method_types_updated financial_connections.account.upcoming_account_number_expiry financial_connections.account.upcoming_deactivation financial_connections.authorization.expected_deactivation_date_updated financial_connections.authorization.upcoming_deactivation fulfillments/create fulfillments/update group_resubscribe group_unsubscribe identity.verification_session.canceled identity.verification_session.created identity.verification_session.processing identity.verification_session.redacted identity.verification_session.requires_input identity.verification_session.verified interaction.application_command interaction.autocomplete interaction.button interaction.modal_submit interaction.ping interaction.select_menu interaction.user_command inventory_levels/connect inventory_levels/update invoice.created invoice.deleted invoice.finalization_failed invoice.finalized invoice.marked_uncollectible invoice.overdue invoice.overpaid invoice.paid invoice.payment_action_required invoice.payment_attempt_required invoice.payment_failed invoice.payment_made invoice.payment_succeeded invoice.sent invoice.upcoming invoice.updated invoice.voided invoice.will_be_due invoice_payment.paid invoiceitem.created invoiceitem.deleted issue.create issue.open issue.remove issue.update issue_comment.created issue_label.create issues.opened issuing_authorization.created issuing_authorization.request issuing_authorization.updated issuing_card.created issuing_card.updated issuing_cardholder.created issuing_cardholder.updated issuing_dispute.closed issuing_dispute.created issuing_dispute.funds_reinstated issuing_dispute.funds_rescinded issuing_dispute.submitted issuing_dispute.updated issuing_personalization_design.activated issuing_personalization_design.deactivated issuing_personalization_design.rejected issuing_personalization_design.updated issuing_token.created issuing_token.updated issuing_transaction.created issuing_transaction.purchase_details_receipt_updated issuing_transaction.updated locations/create locations/update mandate.updated meeting.created meeting.deleted meeting.ended meeting.participant_joined meeting.participant_left meeting.started member_joined_channel merge_request.merge merge_request.open message message.im message.received message.status message_action note open opened order.created order.paid order.updated order_transactions/create orders/cancelled orders/create orders/delete orders/fulfilled orders/paid orders/partially_fulfilled orders/updated organization.created organizationInvitation.created organizationMembership.created payment.authorized payment.captured payment.created payment.dispute.created payment.failed payment.updated payment_intent.amount_capturable_updated payment_intent.canceled payment_intent.created payment_intent.partially_funded payment_intent.payment_failed payment_intent.processing payment_intent.requires_action payment_intent.succeeded payment_link.created payment_link.paid payment_link.updated payment_method.attached payment_method.automatically_updated payment_method.detached payment_method.updated payout.canceled payout.created payout.failed payout.paid payout.reconciliation_completed payout.updated permanent_fail person.created person.deleted person.updated ping pipeline plan.created plan.deleted plan.updated price.created price.deleted price.updated processed product.created product.deleted product.updated products/create products/delete products/update project.update project_update.create promotion_code.created promotion_code.updated pull_request.closed pull_request.opened push quote.accepted quote.canceled quote.created quote.finalized radar.early_fraud_warning.created radar.early_fraud_warning.updated reaction.create reaction_added recording.completed refund.created refund.failed refund.processed refund.updated refunds/create release.create release.published reporting.report_run.failed reporting.report_run.succeeded reporting.report_type.updated reserve.hold.created reserve.hold.updated reserve.plan.created reserve.plan.disabled reserve.plan.expired reserve.plan.updated reserve.release.created review.closed review.opened session.created session.ended setup_intent.canceled setup_intent.created setup_intent.requires_action setup_intent.setup_failed setup_intent.succeeded shop/redact shop/update shortcut sigma.scheduled_query_run.created slash_command source.canceled source.chargeable source.failed source.mandate_notification source.refund_attributes_required source.transaction.created source.transaction.updated spamreport star.created subscription.activated subscription.canceled subscription.cancelled subscription.charged subscription.created subscription.past_due subscription.paused subscription.updated subscription_schedule.aborted subscription_schedule.canceled subscription_schedule.completed subscription_schedule.created subscription_schedule.expiring subscription_schedule.released subscription_schedule.updated tag_push tax.settings.updated tax_rate.created tax_rate.updated team_join temporary_fail terminal.reader.action_failed terminal.reader.action_succeeded terminal.reader.action_updated test_helpers.test_clock.advancing test_helpers.test_clock.created test_helpers.test_clock.deleted test_helpers.test_clock.internal_failure test_helpers.test_clock.ready themes/create themes/publish themes/update three_d_secure.authentication.canceled three_d_secure.authentication.challenge_started three_d_secure.authentication.errored three_d_secure.authentication.failed three_d_secure.authentication.requires_challenge three_d_secure.authentication.requires_submission three_d_secure.authentication.succeeded tokens_revoked topup.canceled topup.created topup.failed topup.reversed topup.succeeded transaction.completed transaction.paid transaction.payment_failed transfer.created transfer.reversed transfer.updated treasury.credit_reversal.created treasury.credit_reversal.posted treasury.debit_reversal.completed treasury.debit_reversal.created treasury.debit_reversal.initial_credit_granted treasury.financial_account.closed treasury.financial_account.created treasury.financial_account.features_status_updated treasury.inbound_transfer.canceled treasury.inbound_transfer.created treasury.inbound_transfer.failed treasury.inbound_transfer.succeeded treasury.outbound_payment.canceled treasury.outbound_payment.created treasury.outbound_payment.expected_arrival_date_updated treasury.outbound_payment.failed treasury.outbound_payment.posted treasury.outbound_payment.returned treasury.outbound_payment.tracking_details_updated treasury.outbound_transfer.canceled treasury.outbound_transfer.created treasury.outbound_transfer.expected_arrival_date_updated treasury.outbound_transfer.failed treasury.outbound_transfer.posted treasury.outbound_transfer.returned treasury.outbound_transfer.tracking_details_updated treasury.received_credit.created treasury.received_credit.failed treasury.received_credit.succeeded treasury.received_debit.created unsubscribe unsubscribed url_verification user.created user.deleted user.updated view_submission webinar.started workflow_run.completed"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --provider)
                    COMPREPLY=($(compgen -W "stripe github standard twilio sendgrid shopify slack paddle linear zoom razorpay square discord clerk resend mailgun gitlab" -- "${cur}"))
                    return 0
                    ;;
                -p)
                    COMPREPLY=($(compgen -W "stripe github standard twilio sendgrid shopify slack paddle linear zoom razorpay square discord clerk resend mailgun gitlab" -- "${cur}"))
                    return 0
                    ;;
                --set)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --unset)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timestamp)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --seed)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --fixtures-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --store)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcli__subcmd__help)
            opts="sign verify send fixtures completions man store config listen events replay check keys help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcli__subcmd__help__subcmd__check)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcli__subcmd__help__subcmd__completions)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcli__subcmd__help__subcmd__config)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcli__subcmd__help__subcmd__events)
            opts="list show"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcli__subcmd__help__subcmd__events__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcli__subcmd__help__subcmd__events__subcmd__show)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcli__subcmd__help__subcmd__fixtures)
            opts="list show generate"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcli__subcmd__help__subcmd__fixtures__subcmd__generate)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcli__subcmd__help__subcmd__fixtures__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcli__subcmd__help__subcmd__fixtures__subcmd__show)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcli__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcli__subcmd__help__subcmd__keys)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcli__subcmd__help__subcmd__listen)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcli__subcmd__help__subcmd__man)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcli__subcmd__help__subcmd__replay)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcli__subcmd__help__subcmd__send)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcli__subcmd__help__subcmd__sign)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcli__subcmd__help__subcmd__store)
            opts="info clear"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcli__subcmd__help__subcmd__store__subcmd__clear)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcli__subcmd__help__subcmd__store__subcmd__info)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcli__subcmd__help__subcmd__verify)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcli__subcmd__keys)
            opts="-p -s -h -V --provider --secret --json --store --no-store --config --color --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --provider)
                    COMPREPLY=($(compgen -W "stripe github standard twilio sendgrid shopify slack paddle linear zoom razorpay square discord clerk resend mailgun gitlab" -- "${cur}"))
                    return 0
                    ;;
                -p)
                    COMPREPLY=($(compgen -W "stripe github standard twilio sendgrid shopify slack paddle linear zoom razorpay square discord clerk resend mailgun gitlab" -- "${cur}"))
                    return 0
                    ;;
                --secret)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -s)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --store)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcli__subcmd__listen)
            opts="-p -s -h -V --port --host --path --provider --secret --tolerance --url --json --diagnose --respond --forward-to --forward-timeout --budget --max-body --store --no-store --config --color --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --port)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --host)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --path)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --provider)
                    COMPREPLY=($(compgen -W "stripe github standard twilio sendgrid shopify slack paddle linear zoom razorpay square discord clerk resend mailgun gitlab" -- "${cur}"))
                    return 0
                    ;;
                -p)
                    COMPREPLY=($(compgen -W "stripe github standard twilio sendgrid shopify slack paddle linear zoom razorpay square discord clerk resend mailgun gitlab" -- "${cur}"))
                    return 0
                    ;;
                --secret)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -s)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tolerance)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --respond)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --forward-to)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --forward-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --budget)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-body)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --store)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcli__subcmd__man)
            opts="-h -V --out --store --no-store --config --color --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --out)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --store)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcli__subcmd__replay)
            opts="-s -h -V --type --verdict --since --dead-letters --to --secret --no-resign --timeout --limit --json --store --no-store --config --color --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --type)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --verdict)
                    COMPREPLY=($(compgen -W "valid invalid" -- "${cur}"))
                    return 0
                    ;;
                --since)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --to)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --secret)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -s)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --limit)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --store)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcli__subcmd__send)
            opts="-t -p -s -k -n -c -h -V --raw --to --url --provider --set --unset --timestamp --seed --fixtures-dir --secret --batch --expect --timeout --budget --json --print-curl --dry-run --insecure --retry --retry-schedule --time-scale --max-attempts --max-retry-time --duplicates --order --count --concurrency --store --no-store --config --color --help --version accepted account.application.authorized account.application.deauthorized account.external_account.created account.external_account.deleted account.external_account.updated account.updated adjustment.created app/uninstalled app_home_opened app_mention app_uninstalled application_fee.created application_fee.refund.updated application_fee.refunded apps.install.created apps.install.deleted apps.install.updated balance.available balance_settings.updated billing.alert.triggered billing.credit_balance_transaction.created billing.credit_grant.created billing.credit_grant.updated billing.meter.created billing.meter.deactivated billing.meter.reactivated billing.meter.updated billing_portal.configuration.created billing_portal.configuration.updated billing_portal.session.created block_actions bounce build call.received call.status capability.updated cash_balance.funds_available charge.captured charge.dispute.closed charge.dispute.created charge.dispute.funds_reinstated charge.dispute.funds_withdrawn charge.dispute.updated charge.expired charge.failed charge.pending charge.refund.updated charge.refunded charge.succeeded charge.updated check_suite.completed checkout.session.async_payment_failed checkout.session.async_payment_succeeded checkout.session.completed checkout.session.expired checkouts/create checkouts/update click clicked climate.order.canceled climate.order.created climate.order.delayed climate.order.delivered climate.order.product_substituted climate.product.created climate.product.pricing_updated collections/create collections/delete collections/update com.twilio.messaging.inbound-message.received com.twilio.messaging.message.delivered comment.create comment.update complained contact.created coupon.created coupon.deleted coupon.updated credit_note.created credit_note.updated credit_note.voided customer.created customer.deleted customer.discount.created customer.discount.deleted customer.discount.updated customer.source.created customer.source.deleted customer.source.expiring customer.source.updated customer.subscription.created customer.subscription.deleted customer.subscription.paused customer.subscription.pending_update_applied customer.subscription.pending_update_expired customer.subscription.resumed customer.subscription.trial_will_end customer.subscription.updated customer.tax_id.created customer.tax_id.deleted customer.tax_id.updated customer.updated customer_cash_balance_transaction.created customers/create customers/data_request customers/disable customers/enable customers/redact customers/update cycle.create deferred delivered deployment domain.updated draft_orders/create draft_orders/delete draft_orders/update dropped email.bounced email.clicked email.complained email.created email.delivered email.delivery_delayed email.failed email.opened email.sent endpoint.url_validation entitlements.active_entitlement_summary.updated event.application_authorized event.application_deauthorized event.entitlement_create event.ping file.created financial_connections.account.account_numbers_updated financial_connections.account.created financial_connections.account.deactivated financial_connections.account.disconnected financial_connections.account.expected_deactivation_date_updated financial_connections.account.reactivated financial_connections.account.refreshed_balance financial_connections.account.refreshed_ownership financial_connections.account.refreshed_transactions financial_connections.account.supported_payment_method_types_updated financial_connections.account.upcoming_account_number_expiry financial_connections.account.upcoming_deactivation financial_connections.authorization.expected_deactivation_date_updated financial_connections.authorization.upcoming_deactivation fulfillments/create fulfillments/update group_resubscribe group_unsubscribe identity.verification_session.canceled identity.verification_session.created identity.verification_session.processing identity.verification_session.redacted identity.verification_session.requires_input identity.verification_session.verified interaction.application_command interaction.autocomplete interaction.button interaction.modal_submit interaction.ping interaction.select_menu interaction.user_command inventory_levels/connect inventory_levels/update invoice.created invoice.deleted invoice.finalization_failed invoice.finalized invoice.marked_uncollectible invoice.overdue invoice.overpaid invoice.paid invoice.payment_action_required invoice.payment_attempt_required invoice.payment_failed invoice.payment_made invoice.payment_succeeded invoice.sent invoice.upcoming invoice.updated invoice.voided invoice.will_be_due invoice_payment.paid invoiceitem.created invoiceitem.deleted issue.create issue.open issue.remove issue.update issue_comment.created issue_label.create issues.opened issuing_authorization.created issuing_authorization.request issuing_authorization.updated issuing_card.created issuing_card.updated issuing_cardholder.created issuing_cardholder.updated issuing_dispute.closed issuing_dispute.created issuing_dispute.funds_reinstated issuing_dispute.funds_rescinded issuing_dispute.submitted issuing_dispute.updated issuing_personalization_design.activated issuing_personalization_design.deactivated issuing_personalization_design.rejected issuing_personalization_design.updated issuing_token.created issuing_token.updated issuing_transaction.created issuing_transaction.purchase_details_receipt_updated issuing_transaction.updated locations/create locations/update mandate.updated meeting.created meeting.deleted meeting.ended meeting.participant_joined meeting.participant_left meeting.started member_joined_channel merge_request.merge merge_request.open message message.im message.received message.status message_action note open opened order.created order.paid order.updated order_transactions/create orders/cancelled orders/create orders/delete orders/fulfilled orders/paid orders/partially_fulfilled orders/updated organization.created organizationInvitation.created organizationMembership.created payment.authorized payment.captured payment.created payment.dispute.created payment.failed payment.updated payment_intent.amount_capturable_updated payment_intent.canceled payment_intent.created payment_intent.partially_funded payment_intent.payment_failed payment_intent.processing payment_intent.requires_action payment_intent.succeeded payment_link.created payment_link.paid payment_link.updated payment_method.attached payment_method.automatically_updated payment_method.detached payment_method.updated payout.canceled payout.created payout.failed payout.paid payout.reconciliation_completed payout.updated permanent_fail person.created person.deleted person.updated ping pipeline plan.created plan.deleted plan.updated price.created price.deleted price.updated processed product.created product.deleted product.updated products/create products/delete products/update project.update project_update.create promotion_code.created promotion_code.updated pull_request.closed pull_request.opened push quote.accepted quote.canceled quote.created quote.finalized radar.early_fraud_warning.created radar.early_fraud_warning.updated reaction.create reaction_added recording.completed refund.created refund.failed refund.processed refund.updated refunds/create release.create release.published reporting.report_run.failed reporting.report_run.succeeded reporting.report_type.updated reserve.hold.created reserve.hold.updated reserve.plan.created reserve.plan.disabled reserve.plan.expired reserve.plan.updated reserve.release.created review.closed review.opened session.created session.ended setup_intent.canceled setup_intent.created setup_intent.requires_action setup_intent.setup_failed setup_intent.succeeded shop/redact shop/update shortcut sigma.scheduled_query_run.created slash_command source.canceled source.chargeable source.failed source.mandate_notification source.refund_attributes_required source.transaction.created source.transaction.updated spamreport star.created subscription.activated subscription.canceled subscription.cancelled subscription.charged subscription.created subscription.past_due subscription.paused subscription.updated subscription_schedule.aborted subscription_schedule.canceled subscription_schedule.completed subscription_schedule.created subscription_schedule.expiring subscription_schedule.released subscription_schedule.updated tag_push tax.settings.updated tax_rate.created tax_rate.updated team_join temporary_fail terminal.reader.action_failed terminal.reader.action_succeeded terminal.reader.action_updated test_helpers.test_clock.advancing test_helpers.test_clock.created test_helpers.test_clock.deleted test_helpers.test_clock.internal_failure test_helpers.test_clock.ready themes/create themes/publish themes/update three_d_secure.authentication.canceled three_d_secure.authentication.challenge_started three_d_secure.authentication.errored three_d_secure.authentication.failed three_d_secure.authentication.requires_challenge three_d_secure.authentication.requires_submission three_d_secure.authentication.succeeded tokens_revoked topup.canceled topup.created topup.failed topup.reversed topup.succeeded transaction.completed transaction.paid transaction.payment_failed transfer.created transfer.reversed transfer.updated treasury.credit_reversal.created treasury.credit_reversal.posted treasury.debit_reversal.completed treasury.debit_reversal.created treasury.debit_reversal.initial_credit_granted treasury.financial_account.closed treasury.financial_account.created treasury.financial_account.features_status_updated treasury.inbound_transfer.canceled treasury.inbound_transfer.created treasury.inbound_transfer.failed treasury.inbound_transfer.succeeded treasury.outbound_payment.canceled treasury.outbound_payment.created treasury.outbound_payment.expected_arrival_date_updated treasury.outbound_payment.failed treasury.outbound_payment.posted treasury.outbound_payment.returned treasury.outbound_payment.tracking_details_updated treasury.outbound_transfer.canceled treasury.outbound_transfer.created treasury.outbound_transfer.expected_arrival_date_updated treasury.outbound_transfer.failed treasury.outbound_transfer.posted treasury.outbound_transfer.returned treasury.outbound_transfer.tracking_details_updated treasury.received_credit.created treasury.received_credit.failed treasury.received_credit.succeeded treasury.received_debit.created unsubscribe unsubscribed url_verification user.created user.deleted user.updated view_submission webinar.started workflow_run.completed"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --to)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -t)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --provider)
                    COMPREPLY=($(compgen -W "stripe github standard twilio sendgrid shopify slack paddle linear zoom razorpay square discord clerk resend mailgun gitlab" -- "${cur}"))
                    return 0
                    ;;
                -p)
                    COMPREPLY=($(compgen -W "stripe github standard twilio sendgrid shopify slack paddle linear zoom razorpay square discord clerk resend mailgun gitlab" -- "${cur}"))
                    return 0
                    ;;
                --set)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --unset)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timestamp)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --seed)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --fixtures-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --secret)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -s)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --expect)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --budget)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --retry-schedule)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --time-scale)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-attempts)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-retry-time)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --duplicates)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --order)
                    COMPREPLY=($(compgen -W "in-order reversed shuffled" -- "${cur}"))
                    return 0
                    ;;
                --count)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -n)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --concurrency)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -c)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --store)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcli__subcmd__sign)
            opts="-p -s -f -h -V --raw --provider --set --unset --timestamp --seed --fixtures-dir --secret --format --json --to --url --store --no-store --config --color --help --version accepted account.application.authorized account.application.deauthorized account.external_account.created account.external_account.deleted account.external_account.updated account.updated adjustment.created app/uninstalled app_home_opened app_mention app_uninstalled application_fee.created application_fee.refund.updated application_fee.refunded apps.install.created apps.install.deleted apps.install.updated balance.available balance_settings.updated billing.alert.triggered billing.credit_balance_transaction.created billing.credit_grant.created billing.credit_grant.updated billing.meter.created billing.meter.deactivated billing.meter.reactivated billing.meter.updated billing_portal.configuration.created billing_portal.configuration.updated billing_portal.session.created block_actions bounce build call.received call.status capability.updated cash_balance.funds_available charge.captured charge.dispute.closed charge.dispute.created charge.dispute.funds_reinstated charge.dispute.funds_withdrawn charge.dispute.updated charge.expired charge.failed charge.pending charge.refund.updated charge.refunded charge.succeeded charge.updated check_suite.completed checkout.session.async_payment_failed checkout.session.async_payment_succeeded checkout.session.completed checkout.session.expired checkouts/create checkouts/update click clicked climate.order.canceled climate.order.created climate.order.delayed climate.order.delivered climate.order.product_substituted climate.product.created climate.product.pricing_updated collections/create collections/delete collections/update com.twilio.messaging.inbound-message.received com.twilio.messaging.message.delivered comment.create comment.update complained contact.created coupon.created coupon.deleted coupon.updated credit_note.created credit_note.updated credit_note.voided customer.created customer.deleted customer.discount.created customer.discount.deleted customer.discount.updated customer.source.created customer.source.deleted customer.source.expiring customer.source.updated customer.subscription.created customer.subscription.deleted customer.subscription.paused customer.subscription.pending_update_applied customer.subscription.pending_update_expired customer.subscription.resumed customer.subscription.trial_will_end customer.subscription.updated customer.tax_id.created customer.tax_id.deleted customer.tax_id.updated customer.updated customer_cash_balance_transaction.created customers/create customers/data_request customers/disable customers/enable customers/redact customers/update cycle.create deferred delivered deployment domain.updated draft_orders/create draft_orders/delete draft_orders/update dropped email.bounced email.clicked email.complained email.created email.delivered email.delivery_delayed email.failed email.opened email.sent endpoint.url_validation entitlements.active_entitlement_summary.updated event.application_authorized event.application_deauthorized event.entitlement_create event.ping file.created financial_connections.account.account_numbers_updated financial_connections.account.created financial_connections.account.deactivated financial_connections.account.disconnected financial_connections.account.expected_deactivation_date_updated financial_connections.account.reactivated financial_connections.account.refreshed_balance financial_connections.account.refreshed_ownership financial_connections.account.refreshed_transactions financial_connections.account.supported_payment_method_types_updated financial_connections.account.upcoming_account_number_expiry financial_connections.account.upcoming_deactivation financial_connections.authorization.expected_deactivation_date_updated financial_connections.authorization.upcoming_deactivation fulfillments/create fulfillments/update group_resubscribe group_unsubscribe identity.verification_session.canceled identity.verification_session.created identity.verification_session.processing identity.verification_session.redacted identity.verification_session.requires_input identity.verification_session.verified interaction.application_command interaction.autocomplete interaction.button interaction.modal_submit interaction.ping interaction.select_menu interaction.user_command inventory_levels/connect inventory_levels/update invoice.created invoice.deleted invoice.finalization_failed invoice.finalized invoice.marked_uncollectible invoice.overdue invoice.overpaid invoice.paid invoice.payment_action_required invoice.payment_attempt_required invoice.payment_failed invoice.payment_made invoice.payment_succeeded invoice.sent invoice.upcoming invoice.updated invoice.voided invoice.will_be_due invoice_payment.paid invoiceitem.created invoiceitem.deleted issue.create issue.open issue.remove issue.update issue_comment.created issue_label.create issues.opened issuing_authorization.created issuing_authorization.request issuing_authorization.updated issuing_card.created issuing_card.updated issuing_cardholder.created issuing_cardholder.updated issuing_dispute.closed issuing_dispute.created issuing_dispute.funds_reinstated issuing_dispute.funds_rescinded issuing_dispute.submitted issuing_dispute.updated issuing_personalization_design.activated issuing_personalization_design.deactivated issuing_personalization_design.rejected issuing_personalization_design.updated issuing_token.created issuing_token.updated issuing_transaction.created issuing_transaction.purchase_details_receipt_updated issuing_transaction.updated locations/create locations/update mandate.updated meeting.created meeting.deleted meeting.ended meeting.participant_joined meeting.participant_left meeting.started member_joined_channel merge_request.merge merge_request.open message message.im message.received message.status message_action note open opened order.created order.paid order.updated order_transactions/create orders/cancelled orders/create orders/delete orders/fulfilled orders/paid orders/partially_fulfilled orders/updated organization.created organizationInvitation.created organizationMembership.created payment.authorized payment.captured payment.created payment.dispute.created payment.failed payment.updated payment_intent.amount_capturable_updated payment_intent.canceled payment_intent.created payment_intent.partially_funded payment_intent.payment_failed payment_intent.processing payment_intent.requires_action payment_intent.succeeded payment_link.created payment_link.paid payment_link.updated payment_method.attached payment_method.automatically_updated payment_method.detached payment_method.updated payout.canceled payout.created payout.failed payout.paid payout.reconciliation_completed payout.updated permanent_fail person.created person.deleted person.updated ping pipeline plan.created plan.deleted plan.updated price.created price.deleted price.updated processed product.created product.deleted product.updated products/create products/delete products/update project.update project_update.create promotion_code.created promotion_code.updated pull_request.closed pull_request.opened push quote.accepted quote.canceled quote.created quote.finalized radar.early_fraud_warning.created radar.early_fraud_warning.updated reaction.create reaction_added recording.completed refund.created refund.failed refund.processed refund.updated refunds/create release.create release.published reporting.report_run.failed reporting.report_run.succeeded reporting.report_type.updated reserve.hold.created reserve.hold.updated reserve.plan.created reserve.plan.disabled reserve.plan.expired reserve.plan.updated reserve.release.created review.closed review.opened session.created session.ended setup_intent.canceled setup_intent.created setup_intent.requires_action setup_intent.setup_failed setup_intent.succeeded shop/redact shop/update shortcut sigma.scheduled_query_run.created slash_command source.canceled source.chargeable source.failed source.mandate_notification source.refund_attributes_required source.transaction.created source.transaction.updated spamreport star.created subscription.activated subscription.canceled subscription.cancelled subscription.charged subscription.created subscription.past_due subscription.paused subscription.updated subscription_schedule.aborted subscription_schedule.canceled subscription_schedule.completed subscription_schedule.created subscription_schedule.expiring subscription_schedule.released subscription_schedule.updated tag_push tax.settings.updated tax_rate.created tax_rate.updated team_join temporary_fail terminal.reader.action_failed terminal.reader.action_succeeded terminal.reader.action_updated test_helpers.test_clock.advancing test_helpers.test_clock.created test_helpers.test_clock.deleted test_helpers.test_clock.internal_failure test_helpers.test_clock.ready themes/create themes/publish themes/update three_d_secure.authentication.canceled three_d_secure.authentication.challenge_started three_d_secure.authentication.errored three_d_secure.authentication.failed three_d_secure.authentication.requires_challenge three_d_secure.authentication.requires_submission three_d_secure.authentication.succeeded tokens_revoked topup.canceled topup.created topup.failed topup.reversed topup.succeeded transaction.completed transaction.paid transaction.payment_failed transfer.created transfer.reversed transfer.updated treasury.credit_reversal.created treasury.credit_reversal.posted treasury.debit_reversal.completed treasury.debit_reversal.created treasury.debit_reversal.initial_credit_granted treasury.financial_account.closed treasury.financial_account.created treasury.financial_account.features_status_updated treasury.inbound_transfer.canceled treasury.inbound_transfer.created treasury.inbound_transfer.failed treasury.inbound_transfer.succeeded treasury.outbound_payment.canceled treasury.outbound_payment.created treasury.outbound_payment.expected_arrival_date_updated treasury.outbound_payment.failed treasury.outbound_payment.posted treasury.outbound_payment.returned treasury.outbound_payment.tracking_details_updated treasury.outbound_transfer.canceled treasury.outbound_transfer.created treasury.outbound_transfer.expected_arrival_date_updated treasury.outbound_transfer.failed treasury.outbound_transfer.posted treasury.outbound_transfer.returned treasury.outbound_transfer.tracking_details_updated treasury.received_credit.created treasury.received_credit.failed treasury.received_credit.succeeded treasury.received_debit.created unsubscribe unsubscribed url_verification user.created user.deleted user.updated view_submission webinar.started workflow_run.completed"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --provider)
                    COMPREPLY=($(compgen -W "stripe github standard twilio sendgrid shopify slack paddle linear zoom razorpay square discord clerk resend mailgun gitlab" -- "${cur}"))
                    return 0
                    ;;
                -p)
                    COMPREPLY=($(compgen -W "stripe github standard twilio sendgrid shopify slack paddle linear zoom razorpay square discord clerk resend mailgun gitlab" -- "${cur}"))
                    return 0
                    ;;
                --set)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --unset)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timestamp)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --seed)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --fixtures-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --secret)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -s)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "human json curl http" -- "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -W "human json curl http" -- "${cur}"))
                    return 0
                    ;;
                --to)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --store)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcli__subcmd__store)
            opts="-h -V --store --no-store --config --color --help --version info clear help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --store)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcli__subcmd__store__subcmd__clear)
            opts="-y -h -V --yes --store --no-store --config --color --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --store)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcli__subcmd__store__subcmd__help)
            opts="info clear help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcli__subcmd__store__subcmd__help__subcmd__clear)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcli__subcmd__store__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcli__subcmd__store__subcmd__help__subcmd__info)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcli__subcmd__store__subcmd__info)
            opts="-h -V --json --store --no-store --config --color --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --store)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hookcli__subcmd__verify)
            opts="-s -H -p -h -V --secret --header --body --request --provider --tolerance --url --now --json --store --no-store --config --color --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --secret)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -s)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --header)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -H)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --body)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --request)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --provider)
                    COMPREPLY=($(compgen -W "stripe github standard twilio sendgrid shopify slack paddle linear zoom razorpay square discord clerk resend mailgun gitlab" -- "${cur}"))
                    return 0
                    ;;
                -p)
                    COMPREPLY=($(compgen -W "stripe github standard twilio sendgrid shopify slack paddle linear zoom razorpay square discord clerk resend mailgun gitlab" -- "${cur}"))
                    return 0
                    ;;
                --tolerance)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --now)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --store)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
    esac
}

if [[ "${BASH_VERSINFO[0]}" -eq 4 && "${BASH_VERSINFO[1]}" -ge 4 || "${BASH_VERSINFO[0]}" -gt 4 ]]; then
    complete -F _hookcli -o nosort -o bashdefault -o default hookcli
else
    complete -F _hookcli -o bashdefault -o default hookcli
fi
